package dev.incidentloop.escalation.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * DOMAIN.md section 5, rules "Working days" and "Deadlines": the built-in calendar counts working days over weekends,
 * holidays and make-up working days without an admin configuring one.
 */
class WorkingDaysTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void ten_working_days_from_monday_7_december_2026_end_on_monday_21_december() {
        // given the built-in calendar as configured by default
        Calendar calendar = bind(Map.of()).calendar();

        // when an EHS level-3 event reported on Monday 7 December 2026 at 10:00 gets its investigation deadline
        Instant due = Target.parse("10 working-days").due(calendar, shanghai("2026-12-07T10:00"));

        // then two weekends are skipped
        assertThat(due).isEqualTo(shanghai("2026-12-21T10:00"));
    }

    @Test
    void configured_holidays_and_make_up_days_count() {
        // given China's 2026 Spring Festival: 16-20 and 23 February off, Saturday 14 and 28 February worked
        Calendar calendar = bind(Map.of(
                "escalation.calendar.holidays", "2026-02-16,2026-02-17,2026-02-18,2026-02-19,2026-02-20,2026-02-23",
                "escalation.calendar.make-up-working-days", "2026-02-14,2026-02-28")).calendar();

        // when one working day is counted from Friday 13 February 15:00, and from the Saturday make-up day
        // then it ends on the make-up Saturday, and on the Tuesday after the holiday
        assertThat(Target.parse("1 working-day").due(calendar, shanghai("2026-02-13T15:00")))
                .isEqualTo(shanghai("2026-02-14T15:00"));
        assertThat(Target.parse("1 working-day").due(calendar, shanghai("2026-02-14T15:00")))
                .isEqualTo(shanghai("2026-02-24T15:00"));
    }

    @Test
    void business_hours_count_nine_to_six_on_working_days() {
        Calendar calendar = bind(Map.of()).calendar();

        // Friday 4 December 2026, 17:00: one hour that day, the next on Monday
        assertThat(Target.parse("2 business-hours").due(calendar, shanghai("2026-12-04T17:00")))
                .isEqualTo(shanghai("2026-12-07T10:00"));
    }

    @Test
    void a_make_up_day_that_is_also_a_holiday_is_refused_naming_the_setting() {
        assertThatThrownBy(() -> bind(Map.of("escalation.calendar.holidays", "2026-02-14",
                "escalation.calendar.make-up-working-days", "2026-02-14")))
                .rootCause().hasMessageContaining("escalation.calendar.makeUpWorkingDays");
    }

    private static WorkingDays bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("escalation.calendar", WorkingDays.class);
    }

    private static Instant shanghai(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }
}
