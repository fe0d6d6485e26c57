package dev.incidentloop.escalation.regulatory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentloop.escalation.calendar.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * DOMAIN.md sections 3 and 5, rule "Deadlines": an obligation runs until it is fulfilled or missed, whatever the
 * incident's state; a reclassification adds the obligations that now apply and never drops one set before.
 */
class DeadlineRulesTest {

    private static final Instant REPORTED = Instant.parse("2026-12-07T02:00:00Z");
    private static final UUID INCIDENT = UUID.randomUUID();

    @Test
    void a_deadline_that_passes_unrecorded_is_missed_even_after_the_incident_was_resolved() {
        // given an obligation neither fulfilled nor missed (the incident's state is not part of it)
        var leadership = deadline(null, null);

        // when its timer fires, then it is missed
        assertThat(DeadlineRules.missedWhenDue(leadership)).isTrue();
    }

    @Test
    void a_deadline_fulfilled_or_already_missed_is_not_missed_again() {
        assertThat(DeadlineRules.missedWhenDue(deadline(REPORTED.plusSeconds(60), null))).isFalse();
        assertThat(DeadlineRules.missedWhenDue(deadline(null, REPORTED.plus(Duration.ofHours(2))))).isFalse();
    }

    @Test
    void recording_in_time_meets_it_and_after_the_deadline_misses_it() {
        var open = Optional.of(deadline(null, null));

        assertThat(DeadlineRules.fulfil(open, REPORTED.plus(Duration.ofMinutes(90))))
                .isEqualTo(DeadlineRules.Fulfilment.MET);
        assertThat(DeadlineRules.fulfil(open, REPORTED.plus(Duration.ofHours(3))))
                .isEqualTo(DeadlineRules.Fulfilment.LATE_MISSED_NOW);
        assertThat(DeadlineRules.fulfil(Optional.of(deadline(null, REPORTED.plus(Duration.ofHours(2)))),
                REPORTED.plus(Duration.ofHours(3)))).isEqualTo(DeadlineRules.Fulfilment.LATE);
        assertThat(DeadlineRules.fulfil(Optional.of(deadline(REPORTED, null)), REPORTED))
                .isEqualTo(DeadlineRules.Fulfilment.ALREADY_FULFILLED);
        assertThat(DeadlineRules.fulfil(Optional.empty(), REPORTED)).isEqualTo(DeadlineRules.Fulfilment.UNKNOWN);
    }

    @Test
    void a_reclassification_sets_the_obligations_that_are_new_and_keeps_those_set_before() {
        // given an incident whose leadership deadline was set at its first classification
        var wanted = List.of(obligation("security-leadership-informed", false),
                obligation("security-major-report", true));

        // when a reclassification wants it and a major-incident report
        var added = DeadlineRules.toSet(wanted, Set.of("security-leadership-informed", "security-report"), false);

        // then only the major-incident report is set; the 4-hour report stays, though no longer wanted; and as the
        // report filed before did not meet it, a responder records it
        assertThat(added).extracting(Obligation::name).containsExactly("security-major-report");
        assertThat(added.getFirst().fulfilledByReport()).isFalse();
    }

    @Test
    void at_the_first_classification_the_report_fulfils_what_it_can() {
        var added = DeadlineRules.toSet(List.of(obligation("security-report", true)), Set.of(), true);

        assertThat(added.getFirst().fulfilledByReport()).isTrue();
    }

    @Test
    void a_chain_chasing_missed_obligations_goes_on_while_one_of_them_is_not_recorded() {
        var missedThenRecorded = new RegulatoryDeadline(INCIDENT, "a", REPORTED, REPORTED.plusSeconds(1),
                REPORTED.plusSeconds(9), "li.wei", null, REPORTED.plusSeconds(2));
        var missed = deadline(null, REPORTED.plus(Duration.ofHours(2)));

        assertThat(DeadlineRules.anyMissedAndOpen(List.of(missedThenRecorded, missed))).isTrue();
        assertThat(DeadlineRules.anyMissedAndOpen(List.of(missedThenRecorded))).isFalse();
    }

    private static RegulatoryDeadline deadline(Instant fulfilledAt, Instant missedAt) {
        return new RegulatoryDeadline(INCIDENT, "security-leadership-informed", REPORTED,
                REPORTED.plus(Duration.ofHours(2)), fulfilledAt, fulfilledAt == null ? null : "li.wei", null,
                missedAt);
    }

    private static Obligation obligation(String name, boolean byReport) {
        return new Obligation(name, REPORTED, Target.parse("2 hours"), byReport);
    }
}
