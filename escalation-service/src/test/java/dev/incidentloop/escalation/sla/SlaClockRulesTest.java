package dev.incidentloop.escalation.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentloop.escalation.calendar.Calendar;
import dev.incidentloop.escalation.calendar.Target;
import dev.incidentloop.escalation.chain.Chains;
import dev.incidentloop.events.EscalationKind;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SlaBreached;
import dev.incidentloop.events.SlaClock;
import dev.incidentloop.events.SlaClockPaused;
import dev.incidentloop.events.SlaClockStopped;
import dev.incidentloop.events.SlaDeadlineSet;
import dev.incidentloop.events.SlaWarning;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * DOMAIN.md section 2, rule "Escalation", and the KPIs "responded within target" and "resolved within target": one
 * clock given where it stands, when something happens, then what it decides. A P2 response clock of 30 minutes in
 * clock time, warned at 75 %.
 */
class SlaClockRulesTest {

    private static final UUID INCIDENT = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");
    private static final Target THIRTY_MINUTES = Target.parse("30 minutes");

    private static SlaClockState started() {
        return SlaClockRules.start(INCIDENT, SlaClock.RESPONSE, Priority.P2, THIRTY_MINUTES, Calendar.ALWAYS, 0.75, T0)
                .clock();
    }

    @Test
    void a_started_clock_is_due_at_its_target_and_warns_at_its_share() {
        var decision = SlaClockRules.start(INCIDENT, SlaClock.RESPONSE, Priority.P2, THIRTY_MINUTES,
                Calendar.ALWAYS, 0.75, T0);

        assertThat(decision.events()).containsExactly(new SlaDeadlineSet(INCIDENT, SlaClock.RESPONSE, Priority.P2,
                Duration.ofMinutes(30), T0.plus(Duration.ofMinutes(30)), T0));
        assertThat(decision.set()).containsExactly(
                new SlaClockRules.TimerAt(SlaClockRules.Timer.DEADLINE, T0.plus(Duration.ofMinutes(30))),
                new SlaClockRules.TimerAt(SlaClockRules.Timer.WARNING, T0.plus(Duration.ofMillis(1_350_000))));
        assertThat(decision.clock().running()).isTrue();
    }

    @Test
    void a_pause_keeps_the_time_used_and_a_resume_moves_the_deadline_by_the_wait() {
        // given a clock paused after 10 minutes
        var paused = SlaClockRules.pause(started(), T0.plus(Duration.ofMinutes(10)));
        assertThat(paused.events()).containsExactly(new SlaClockPaused(INCIDENT, SlaClock.RESPONSE,
                Duration.ofMinutes(10), T0.plus(Duration.ofMinutes(10))));
        assertThat(paused.cancel()).containsExactly(SlaClockRules.Timer.DEADLINE, SlaClockRules.Timer.WARNING);

        // when it resumes an hour later
        Instant resumedAt = T0.plus(Duration.ofMinutes(70));
        var resumed = SlaClockRules.resume(paused.clock(), resumedAt);

        // then 20 minutes are left, and 12.5 to the warning
        assertThat(resumed.events()).containsExactly(new SlaDeadlineSet(INCIDENT, SlaClock.RESPONSE, Priority.P2,
                Duration.ofMinutes(30), resumedAt.plus(Duration.ofMinutes(20)), resumedAt));
        assertThat(resumed.set()).containsExactly(
                new SlaClockRules.TimerAt(SlaClockRules.Timer.DEADLINE, resumedAt.plus(Duration.ofMinutes(20))),
                new SlaClockRules.TimerAt(SlaClockRules.Timer.WARNING, resumedAt.plus(Duration.ofSeconds(750))));
        assertThat(SlaClockRules.resume(resumed.clock(), resumedAt).changes()).as("resumed twice").isFalse();
    }

    @Test
    void a_missed_response_breaches_and_starts_the_functional_chain_and_for_a_major_incident_the_hierarchical() {
        Instant late = T0.plus(Duration.ofMinutes(30));

        var ordinary = SlaClockRules.deadlinePassed(started(), false, late);
        var major = SlaClockRules.deadlinePassed(started(), true, late);

        assertThat(ordinary.events()).containsExactly(new SlaBreached(INCIDENT, SlaClock.RESPONSE,
                Duration.ofMinutes(30), Duration.ofMinutes(30), late));
        assertThat(ordinary.chains()).containsExactly(new SlaClockRules.ChainStart(EscalationKind.FUNCTIONAL,
                "response-sla", Chains.StopOn.ACKNOWLEDGE, Duration.ofMinutes(30)));
        assertThat(major.chains()).extracting(SlaClockRules.ChainStart::kind)
                .containsExactly(EscalationKind.FUNCTIONAL, EscalationKind.HIERARCHICAL);
        assertThat(SlaClockRules.deadlinePassed(ordinary.clock(), false, late.plusSeconds(1)).changes())
                .as("a deadline handled once").isFalse();
    }

    @Test
    void a_deadline_passing_while_paused_or_stopped_changes_nothing() {
        var paused = SlaClockRules.pause(started(), T0.plus(Duration.ofMinutes(5))).clock();
        var stopped = SlaClockRules.stop(started(), T0.plus(Duration.ofMinutes(5))).clock();

        assertThat(SlaClockRules.deadlinePassed(paused, false, T0.plus(Duration.ofMinutes(30))).changes()).isFalse();
        assertThat(SlaClockRules.deadlinePassed(stopped, false, T0.plus(Duration.ofMinutes(30))).changes()).isFalse();
    }

    @Test
    void a_clock_stopped_in_time_is_met_and_one_stopped_after_its_target_is_not_even_before_its_timer_fired() {
        var inTime = SlaClockRules.stop(started(), T0.plus(Duration.ofMinutes(29)));
        var late = SlaClockRules.stop(started(), T0.plus(Duration.ofMinutes(31)));

        assertThat(inTime.events()).containsExactly(new SlaClockStopped(INCIDENT, SlaClock.RESPONSE, true,
                Duration.ofMinutes(29), T0.plus(Duration.ofMinutes(29))));
        assertThat(late.events()).containsExactly(new SlaClockStopped(INCIDENT, SlaClock.RESPONSE, false,
                Duration.ofMinutes(31), T0.plus(Duration.ofMinutes(31))));
        assertThat(SlaClockRules.stop(inTime.clock(), T0.plus(Duration.ofHours(1))).changes()).as("stopped once")
                .isFalse();
    }

    @Test
    void the_warning_is_given_once_and_not_after_a_breach() {
        Instant at = T0.plus(Duration.ofMillis(1_350_000));
        var warned = SlaClockRules.warningDue(started(), at);
        var breached = SlaClockRules.deadlinePassed(started(), false, T0.plus(Duration.ofMinutes(30))).clock();

        assertThat(warned.events()).containsExactly(new SlaWarning(INCIDENT, SlaClock.RESPONSE,
                Duration.ofMinutes(30), Duration.ofMillis(1_350_000), T0.plus(Duration.ofMinutes(30)), at));
        assertThat(SlaClockRules.warningDue(warned.clock(), at.plusSeconds(1)).changes()).isFalse();
        assertThat(SlaClockRules.warningDue(breached, at).changes()).isFalse();
    }
}
