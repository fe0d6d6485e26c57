package dev.incidentloop.escalation.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentloop.escalation.calendar.Calendar;
import dev.incidentloop.escalation.calendar.Target;
import dev.incidentloop.escalation.incident.TrackedIncident;
import dev.incidentloop.escalation.policy.EscalationPolicy;
import dev.incidentloop.events.Category;
import dev.incidentloop.events.EscalationKind;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SupportLine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * DOMAIN.md section 2, rules "Escalation" and "Lines of support", given/when/then without infrastructure: a
 * functional chain whose first level is notified at once and twice more every 10 minutes, and whose second level,
 * after 25 minutes, pages the second line.
 */
class ChainRulesTest {

    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
    private static final UUID ID = UUID.randomUUID();
    private static final EscalationPolicy POLICY = new EscalationPolicy(null, null, Map.of(), List.of(
            new EscalationPolicy.Level(Target.parse("0 minutes"), List.of(new EscalationPolicy.Recipient("desk.wang",
                    null, null, null)), 2, Target.parse("10 minutes"), null),
            new EscalationPolicy.Level(Target.parse("25 minutes"), List.of(new EscalationPolicy.Recipient(null, null,
                    null, true)), 0, null, SupportLine.SECOND)), List.of(), null,
            Map.of(SupportLine.SECOND, "network-specialists"));
    private static final ChainRules.Plan PLAN = new ChainRules.Plan(POLICY, POLICY.functional(), Calendar.ALWAYS);
    /** Who is on call: a user as given; a team by its name. */
    private static final ChainRules.Recipients ON_CALL = (level, team) -> level.recipients().stream()
            .map(r -> r.user() != null ? r.user() : "on-call of " + team).toList();

    private static TrackedIncident incident(Instant doneAt) {
        return new TrackedIncident(ID, Category.IT_SERVICE, Priority.P2, false, null, null, "service-desk", T0, null,
                T0, T0, doneAt);
    }

    private static ChainRules.Run started() {
        return ChainRules.start(Optional.empty(), PLAN, "response-sla", Chains.StopOn.ACKNOWLEDGE,
                Duration.ofMinutes(30), T0).run();
    }

    @Test
    void a_started_chain_notifies_its_first_level_at_once() {
        var decision = ChainRules.start(Optional.empty(), PLAN, "response-sla", Chains.StopOn.ACKNOWLEDGE,
                Duration.ofMinutes(30), T0);

        assertThat(decision.schedule()).isEqualTo(new ChainRules.Step(0, 0, T0));
        assertThat(decision.notified()).isNull();
    }

    @Test
    void a_level_repeats_until_the_next_level_is_due_and_the_next_level_pages_its_line() {
        // given the first level notified at T0
        var first = ChainRules.step(Optional.of(started()), PLAN, incident(null), EscalationKind.FUNCTIONAL, 0, 0,
                ON_CALL, T0);
        assertThat(first.notified().recipients()).containsExactly("desk.wang");
        assertThat(first.notified().supportLine()).isNull();
        assertThat(first.schedule()).isEqualTo(new ChainRules.Step(0, 1, T0.plus(Duration.ofMinutes(10))));

        // when its repeat at 10 minutes is notified, then the next repeat (at 20) still comes before level 2 (at 25)
        var repeat = ChainRules.step(Optional.of(first.run()), PLAN, incident(null), EscalationKind.FUNCTIONAL, 0, 1,
                ON_CALL, T0.plus(Duration.ofMinutes(10)));
        assertThat(repeat.schedule()).isEqualTo(new ChainRules.Step(0, 2, T0.plus(Duration.ofMinutes(20))));

        // and after it, level 2 at 25 minutes, which moves the incident to the second line and pages its on-call
        var last = ChainRules.step(Optional.of(repeat.run()), PLAN, incident(null), EscalationKind.FUNCTIONAL, 0, 2,
                ON_CALL, T0.plus(Duration.ofMinutes(20)));
        assertThat(last.schedule()).isEqualTo(new ChainRules.Step(1, 0, T0.plus(Duration.ofMinutes(25))));
        var second = ChainRules.step(Optional.of(last.run()), PLAN, incident(null), EscalationKind.FUNCTIONAL, 1, 0,
                ON_CALL, T0.plus(Duration.ofMinutes(25)));
        assertThat(second.notified().level()).isEqualTo(2);
        assertThat(second.notified().supportLine()).isEqualTo(SupportLine.SECOND);
        assertThat(second.notified().assignmentGroup()).isEqualTo("network-specialists");
        assertThat(second.notified().recipients()).containsExactly("on-call of network-specialists");
        assertThat(second.schedule()).as("every level notified").isNull();
        assertThat(second.run().nextLevel()).isEqualTo(2);
    }

    @Test
    void a_stale_or_repeated_step_does_nothing() {
        var first = ChainRules.step(Optional.of(started()), PLAN, incident(null), EscalationKind.FUNCTIONAL, 0, 0,
                ON_CALL, T0);

        assertThat(ChainRules.step(Optional.of(first.run()), PLAN, incident(null), EscalationKind.FUNCTIONAL, 0, 0,
                ON_CALL, T0).changes()).isFalse();
    }

    @Test
    void a_stopped_chain_started_again_goes_on_from_the_level_it_reached() {
        // given a chain that notified its first level three times and was stopped by the acknowledgement
        var run = new ChainRules.Run("response-sla", Chains.StopOn.ACKNOWLEDGE, Duration.ofMinutes(30), T0, 1, 0,
                T0.plus(Duration.ofMinutes(25)), null);
        var stopped = ChainRules.stop(run, Set.of(Chains.StopOn.ACKNOWLEDGE), T0.plus(Duration.ofMinutes(22)));
        assertThat(stopped.cancel()).isEqualTo(new ChainRules.Step(1, 0, null));

        // when the resolution is missed later
        Instant later = T0.plus(Duration.ofHours(8));
        var restarted = ChainRules.start(Optional.of(stopped.run()), PLAN, "resolution-sla", Chains.StopOn.RESOLVE,
                Duration.ofHours(8), later);

        // then level 2 is next, 25 minutes after the restart: an incident never escalates back down
        assertThat(restarted.schedule()).isEqualTo(new ChainRules.Step(1, 0, later.plus(Duration.ofMinutes(25))));
    }

    @Test
    void a_chain_stopped_by_the_resolution_notifies_nothing_after_it_but_one_chasing_an_obligation_goes_on() {
        Instant resolved = T0.plus(Duration.ofMinutes(5));
        var resolveChain = new ChainRules.Run("response-sla", Chains.StopOn.RESOLVE, null, T0, 0, 1, null, null);
        var obligationChain = new ChainRules.Run("regulatory", Chains.StopOn.FULFILMENT, null, T0, 0, 1, null, null);

        assertThat(ChainRules.stop(obligationChain, Set.of(Chains.StopOn.ACKNOWLEDGE, Chains.StopOn.RESOLVE),
                resolved).changes()).isFalse();
        assertThat(ChainRules.step(Optional.of(resolveChain), PLAN, incident(resolved), EscalationKind.FUNCTIONAL, 0, 1,
                ON_CALL, T0.plus(Duration.ofMinutes(10))).changes()).isFalse();
        assertThat(ChainRules.step(Optional.of(obligationChain), PLAN, incident(resolved), EscalationKind.FUNCTIONAL, 0,
                1, ON_CALL, T0.plus(Duration.ofMinutes(10))).notified()).isNotNull();
    }

    @Test
    void a_missed_obligation_makes_a_running_chain_outlive_the_resolution_until_it_is_recorded() {
        var running = started();

        var chasing = ChainRules.start(Optional.of(running), PLAN, "regulatory", Chains.StopOn.FULFILMENT, null, T0);
        assertThat(chasing.run().stopOn()).isEqualTo(Chains.StopOn.FULFILMENT);
        assertThat(chasing.schedule()).as("running already: no second step").isNull();

        assertThat(ChainRules.obligationsDone(chasing.run(), false, T0).run().stopOn())
                .as("recorded while open: on until the resolution").isEqualTo(Chains.StopOn.RESOLVE);
        assertThat(ChainRules.obligationsDone(chasing.run(), true, T0).run().stoppedAt())
                .as("recorded once resolved: stops").isEqualTo(T0);
    }

    @Test
    void a_responder_escalating_by_hand_notifies_the_next_level_now_and_no_further_than_the_last() {
        var run = new ChainRules.Run("response-sla", Chains.StopOn.ACKNOWLEDGE, null, T0, 1, 0, null, null);
        Instant now = T0.plus(Duration.ofMinutes(3));

        var manual = ChainRules.manual(Optional.of(run), PLAN, incident(null), EscalationKind.FUNCTIONAL, ON_CALL, now);

        assertThat(manual.notified().level()).isEqualTo(2);
        assertThat(manual.notified().reason()).isEqualTo("manual");
        assertThat(manual.cancel()).isEqualTo(new ChainRules.Step(1, 0, null));
        assertThat(ChainRules.manual(Optional.of(manual.run()), PLAN, incident(null), EscalationKind.FUNCTIONAL,
                ON_CALL, now).changes()).isFalse();
    }
}
