package dev.incidentloop.incident.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.IntakeReport;
import dev.incidentloop.incident.intake.IntakeDedup.Alert;
import dev.incidentloop.incident.intake.IntakeDedup.Count;
import dev.incidentloop.incident.intake.IntakeDedup.Entry;
import dev.incidentloop.incident.intake.IntakeDedup.Unfolded;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Intake's decisions, given a poll and the dedup rows read for it, without Kafka or PostgreSQL. */
class IntakePlannerTest {

    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");
    private static final Alert DISK = new Alert("zabbix", "disk-db7");
    private static final Alert CPU = new Alert("zabbix", "cpu-app3");
    private long offset;

    @Test
    void a_poll_is_cut_after_each_acknowledgement_or_resolution() {
        IntakeItem t1 = trigger("R1", "disk-db7");
        IntakeItem t2 = trigger("R2", "cpu-app3");
        IntakeItem ack = action("A1", "disk-db7", IntakeReport.Action.ACKNOWLEDGE);
        IntakeItem t3 = trigger("R3", "disk-db7");
        IntakeItem resolve = action("Z1", "disk-db7", IntakeReport.Action.RESOLVE);

        var stretches = IntakePlanner.stretches(List.of(t1, t2, ack, t3, resolve));

        assertThat(stretches).containsExactly(new IntakePlanner.Stretch(List.of(t1, t2), ack),
                new IntakePlanner.Stretch(List.of(t3), resolve));
        assertThat(IntakePlanner.stretches(List.of(ack, t1))).containsExactly(
                new IntakePlanner.Stretch(List.of(), ack), new IntakePlanner.Stretch(List.of(t1), null));
    }

    @Test
    void a_new_alert_opens_one_incident_and_its_later_triggers_are_repeats_of_it() {
        IntakeItem first = trigger("R1", "disk-db7");
        IntakeItem second = trigger("R2", "disk-db7");
        IntakeItem third = trigger("R3", "disk-db7");

        var plan = IntakePlanner.triggers(List.of(first, second, third), Map.of());

        UUID incident = IntakePlanner.incidentId(first.report());
        assertThat(plan.openings()).containsExactly(new IntakePlanner.Opening(first, null, incident));
        assertThat(plan.repeats()).containsExactly(second, third);
        assertThat(plan.entries()).containsEntry(DISK, new Entry(incident, "R1", true, null));
        assertThat(IntakePlanner.counts(plan.repeats(), plan.entries())).containsExactly(
                new Count(DISK, incident, 2, third.seenAt(), 0, third.offset()));
    }

    @Test
    void a_trigger_of_an_alert_with_an_open_incident_is_counted_there() {
        UUID open = UUID.randomUUID();
        IntakeItem repeat = trigger("R9", "disk-db7");

        var plan = IntakePlanner.triggers(List.of(repeat), Map.of(DISK, new Entry(open, "R1", true, null)));

        assertThat(plan.openings()).isEmpty();
        assertThat(IntakePlanner.counts(plan.repeats(), plan.entries())).containsExactly(
                new Count(DISK, open, 1, repeat.seenAt(), 0, repeat.offset()));
    }

    @Test
    void the_record_that_opened_the_incident_met_again_is_not_a_repeat() {
        IntakeItem republished = trigger("R1", "disk-db7");

        var plan = IntakePlanner.triggers(List.of(republished), Map.of(DISK,
                new Entry(UUID.randomUUID(), "R1", true, null)));

        assertThat(plan.openings()).isEmpty();
        assertThat(plan.repeats()).isEmpty();
    }

    @Test
    void an_alert_whose_incident_ended_opens_a_new_one_carrying_the_uncounted_repeats_of_the_old() {
        UUID ended = UUID.randomUUID();
        Unfolded uncounted = new Unfolded(DISK, ended, 7, 5, T0, 0, 3);
        IntakeItem again = trigger("R20", "disk-db7");
        IntakeItem other = trigger("R21", "cpu-app3");

        var plan = IntakePlanner.triggers(List.of(again, other), Map.of(DISK, new Entry(ended, "R1", false,
                uncounted)));

        assertThat(plan.openings()).containsExactly(
                new IntakePlanner.Opening(again, new Entry(ended, "R1", false, uncounted),
                        IntakePlanner.incidentId(again.report())),
                new IntakePlanner.Opening(other, null, IntakePlanner.incidentId(other.report())));
        assertThat(IntakePlanner.incidentId(again.report())).isNotEqualTo(ended);
        assertThat(plan.entries().get(CPU).open()).isTrue();
    }

    @Test
    void an_acknowledgement_acts_on_the_open_incident_after_its_repeats_and_is_dropped_without_one() {
        UUID open = UUID.randomUUID();
        Unfolded uncounted = new Unfolded(DISK, open, 3, 1, T0, 0, 9);

        assertThat(IntakePlanner.action(new Entry(open, "R1", true, uncounted)))
                .isEqualTo(new IntakePlanner.ActOn(open, uncounted));
        assertThat(IntakePlanner.action(new Entry(open, "R1", false, null))).isEqualTo(new IntakePlanner.Drop());
        assertThat(IntakePlanner.action(null)).isEqualTo(new IntakePlanner.Drop());
    }

    @Test
    void a_redelivered_record_below_its_partitions_progress_is_done() {
        IntakeItem done = trigger("R1", "disk-db7");
        IntakeItem fresh = trigger("R2", "disk-db7");

        assertThat(IntakePlanner.notDone(List.of(done, fresh), Map.of(0, fresh.offset()))).containsExactly(fresh);
        assertThat(IntakePlanner.nextOffsets(List.of(done, fresh))).isEqualTo(Map.of(0, fresh.offset() + 1));
    }

    @Test
    void a_report_always_gets_the_same_incident_id() {
        IntakeReport report = trigger("R1", "disk-db7").report();

        assertThat(IntakePlanner.incidentId(report))
                .isEqualTo(UUID.nameUUIDFromBytes("intake:zabbix:disk-db7:R1".getBytes()))
                .isNotEqualTo(IntakePlanner.incidentId(trigger("R2", "disk-db7").report()));
    }

    private IntakeItem trigger(String reportId, String dedupKey) {
        return item(new IntakeReport(reportId, "zabbix", null, dedupKey, "Disk full on db-7", "98% used",
                Category.IT_SERVICE, 2, 2, null, "zabbix-bot"));
    }

    private IntakeItem action(String reportId, String dedupKey, IntakeReport.Action action) {
        return item(new IntakeReport(reportId, "zabbix", action, dedupKey, null, "cleared", null, null, null, null,
                "zabbix-bot"));
    }

    private IntakeItem item(IntakeReport report) {
        offset++;
        return new IntakeItem(0, offset, T0.plusSeconds(offset), report);
    }
}
