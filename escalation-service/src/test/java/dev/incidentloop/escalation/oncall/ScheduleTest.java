package dev.incidentloop.escalation.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** On-call rotations, layers, restrictions, overrides and time zones. */
class ScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** A weekly 24x7 base rotation handing over on Mondays at 09:00, and a weekday daytime layer above it. */
    private final Schedule network = new Schedule(BERLIN, List.of(
            new Schedule.Layer("base", LocalDateTime.parse("2026-03-02T09:00"), "weekly",
                    List.of("anna", "bernd", "chen"), null),
            new Schedule.Layer("office", LocalDateTime.parse("2026-03-02T09:00"), "daily",
                    List.of("dora", "emil"), new Schedule.Restriction(EnumSet.range(DayOfWeek.MONDAY,
                    DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(17, 0)))),
            List.of());

    @Test
    void a_weekly_rotation_goes_round_its_participants() {
        // nights belong to the base layer: week 1 anna, week 2 bernd, week 3 chen, week 4 anna again
        assertThat(network.at(berlin("2026-03-03T22:00")).user()).isEqualTo("anna");
        assertThat(network.at(berlin("2026-03-10T22:00")).user()).isEqualTo("bernd");
        assertThat(network.at(berlin("2026-03-17T22:00")).user()).isEqualTo("chen");
        assertThat(network.at(berlin("2026-03-24T22:00")).user()).isEqualTo("anna");
        // the hand-over is at 09:00 on Monday, not at midnight
        assertThat(network.at(berlin("2026-03-09T08:59")).user()).isEqualTo("anna");
        assertThat(network.at(berlin("2026-03-09T09:00")).user()).isNotEqualTo("anna");
    }

    @Test
    void a_restricted_layer_takes_precedence_only_within_its_hours() {
        assertThat(network.at(berlin("2026-03-02T10:00"))).isEqualTo(new Schedule.OnCall("dora", "office"));
        assertThat(network.at(berlin("2026-03-03T10:00"))).isEqualTo(new Schedule.OnCall("emil", "office"));
        assertThat(network.at(berlin("2026-03-03T17:00"))).isEqualTo(new Schedule.OnCall("anna", "base"));
        assertThat(network.at(berlin("2026-03-07T10:00"))).as("Saturday").isEqualTo(new Schedule.OnCall("anna",
                "base"));
    }

    @Test
    void a_daily_hand_over_stays_at_its_local_time_across_daylight_saving() {
        // summer time begins on Sunday 29 March 2026; Monday's office shift still starts at 09:00 local (07:00Z)
        assertThat(network.at(Instant.parse("2026-03-30T06:59:00Z")).source()).isEqualTo("base");
        assertThat(network.at(Instant.parse("2026-03-30T07:00:00Z")).source()).isEqualTo("office");
    }

    @Test
    void an_override_beats_every_layer() {
        Schedule covered = new Schedule(BERLIN, network.layers(), List.of(new Schedule.ScheduleOverride("felix",
                berlin("2026-03-03T12:00"), berlin("2026-03-03T20:00"))));

        assertThat(covered.at(berlin("2026-03-03T12:00"))).isEqualTo(new Schedule.OnCall("felix", "override"));
        assertThat(covered.at(berlin("2026-03-03T19:59"))).isEqualTo(new Schedule.OnCall("felix", "override"));
        assertThat(covered.at(berlin("2026-03-03T20:00")).user()).isEqualTo("anna");
    }

    @Test
    void a_custom_twelve_hour_rotation_counts_from_its_start_instant() {
        Schedule halfDays = new Schedule(ZoneId.of("Asia/Shanghai"), List.of(new Schedule.Layer("shifts",
                LocalDateTime.parse("2026-01-01T08:00"), "PT12H", List.of("li", "wang"), null)), List.of());
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");

        assertThat(halfDays.at(LocalDateTime.parse("2026-01-01T19:59").atZone(shanghai).toInstant()).user())
                .isEqualTo("li");
        assertThat(halfDays.at(LocalDateTime.parse("2026-01-01T20:00").atZone(shanghai).toInstant()).user())
                .isEqualTo("wang");
        assertThat(halfDays.at(LocalDateTime.parse("2026-01-02T08:00").atZone(shanghai).toInstant()).user())
                .isEqualTo("li");
    }

    @Test
    void the_next_shifts_merge_the_layers_and_follow_on_from_each_other() {
        List<Schedule.Shift> shifts = network.shifts(berlin("2026-03-02T08:00"), 5);

        assertThat(shifts).extracting(Schedule.Shift::user, Schedule.Shift::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple("chen", "base"),
                org.assertj.core.groups.Tuple.tuple("dora", "office"),
                org.assertj.core.groups.Tuple.tuple("anna", "base"),
                org.assertj.core.groups.Tuple.tuple("emil", "office"),
                org.assertj.core.groups.Tuple.tuple("anna", "base"));
        assertThat(shifts.get(0).start()).isEqualTo(berlin("2026-03-02T08:00"));
        assertThat(shifts.get(0).end()).isEqualTo(berlin("2026-03-02T09:00"));
        assertThat(shifts.get(1).end()).isEqualTo(berlin("2026-03-02T17:00"));
        assertThat(shifts.get(2).end()).isEqualTo(berlin("2026-03-03T09:00"));
        for (int i = 1; i < shifts.size(); i++) {
            assertThat(shifts.get(i).start()).isEqualTo(shifts.get(i - 1).end());
        }
    }

    @Test
    void a_schedule_with_faults_names_each_field() {
        Schedule broken = new Schedule(null, List.of(new Schedule.Layer("", null, "fortnightly", List.of(),
                new Schedule.Restriction(EnumSet.noneOf(DayOfWeek.class), LocalTime.of(17, 0), LocalTime.of(9, 0)))),
                List.of(new Schedule.ScheduleOverride(" ", berlin("2026-03-03T12:00"), berlin("2026-03-03T11:00"))));

        assertThat(broken.problems()).extracting(e -> e.field()).containsExactly("zone", "layers[0].name",
                "layers[0].start", "layers[0].participants", "layers[0].rotation", "layers[0].restriction.weekdays",
                "layers[0].restriction.to", "overrides[0].user", "overrides[0].to");
    }

    private static Instant berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }
}
