package dev.incidentloop.incident.closure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DOMAIN.md section 5, rule "Working days": weekends, public holidays and make-up working days (调休). */
class WorkingCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // A Spring Festival week: Mon 16 to Fri 20 Feb off, Saturday 14 Feb a make-up working day.
    private final WorkingCalendar calendar = new WorkingCalendar(SHANGHAI,
            Set.of(LocalDate.parse("2026-02-16"), LocalDate.parse("2026-02-17"), LocalDate.parse("2026-02-18"),
                    LocalDate.parse("2026-02-19"), LocalDate.parse("2026-02-20")),
            Set.of(LocalDate.parse("2026-02-14")));

    @Test
    void weekends_and_holidays_are_off_and_a_make_up_saturday_is_a_working_day() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-13"))).isTrue();   // Friday
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-14"))).isTrue();   // make-up Saturday
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-15"))).isFalse();  // Sunday
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-18"))).isFalse();  // holiday
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-21"))).isFalse();  // ordinary Saturday
    }

    @Test
    void counting_back_skips_what_is_off_and_keeps_the_local_time() {
        Instant mondayAfter = Instant.parse("2026-02-23T02:00:00Z");  // Mon 23 Feb, 10:00 in Shanghai

        // 1 working day back from Monday 23 Feb: the last working day was Saturday 14 Feb (make-up day)
        assertThat(calendar.minusWorkingDays(mondayAfter, 1)).isEqualTo(Instant.parse("2026-02-14T02:00:00Z"));
        // 2 back: Friday 13 Feb
        assertThat(calendar.minusWorkingDays(mondayAfter, 2)).isEqualTo(Instant.parse("2026-02-13T02:00:00Z"));
    }

    @Test
    void an_ordinary_week_is_five_working_days() {
        Instant friday = Instant.parse("2026-03-06T08:00:00Z");
        assertThat(calendar.minusWorkingDays(friday, 5)).isEqualTo(Instant.parse("2026-02-27T08:00:00Z"));
    }
}
