package dev.incidentloop.escalation.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * DOMAIN.md section 5, rule "Working days", and the business-hour and working-day targets of the escalation
 * policies: arithmetic across weekends, holidays and make-up working days in Asia/Shanghai, and across daylight-saving
 * changes in Europe/Berlin.
 */
class CalendarTest {

    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    /**
     * China's 2025 National Day holiday as this test configures it: 1-8 October off, Sunday 28 September and Saturday
     * 11 October made up as working days.
     */
    @Nested
    class Shanghai {

        private final ZoneId zone = ZoneId.of("Asia/Shanghai");
        private final Set<LocalDate> holidays = Set.of(LocalDate.parse("2025-10-01"), LocalDate.parse("2025-10-02"),
                LocalDate.parse("2025-10-03"), LocalDate.parse("2025-10-04"), LocalDate.parse("2025-10-05"),
                LocalDate.parse("2025-10-06"), LocalDate.parse("2025-10-07"), LocalDate.parse("2025-10-08"));
        private final Set<LocalDate> makeUp = Set.of(LocalDate.parse("2025-09-28"), LocalDate.parse("2025-10-11"));
        private final Calendar business = new Calendar(zone, WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(18, 0),
                holidays, makeUp);

        @Test
        void holidays_are_not_working_days_and_make_up_days_are() {
            assertThat(business.isWorkingDay(LocalDate.parse("2025-10-03"))).as("a Friday holiday").isFalse();
            assertThat(business.isWorkingDay(LocalDate.parse("2025-09-28"))).as("a make-up Sunday").isTrue();
            assertThat(business.isWorkingDay(LocalDate.parse("2025-10-12"))).as("an ordinary Sunday").isFalse();
        }

        @Test
        void business_hours_skip_the_holiday_week() {
            // Tuesday 30 September 17:00: one hour that day, then nothing until Thursday 9 October 09:00
            Instant due = Target.parse("9 business-hours").due(business, local("2025-09-30T17:00"));

            assertThat(due).isEqualTo(local("2025-10-09T17:00"));
        }

        @Test
        void business_hours_run_on_a_make_up_sunday() {
            Instant due = Target.parse("2 business-hours").due(business, local("2025-09-26T17:00"));

            assertThat(due).isEqualTo(local("2025-09-28T10:00"));
        }

        @Test
        void outside_working_hours_the_count_starts_at_the_next_opening() {
            assertThat(Target.parse("1 business-hours").due(business, local("2025-09-29T07:30")))
                    .isEqualTo(local("2025-09-29T10:00"));
            assertThat(Target.parse("1 business-hours").due(business, local("2025-09-29T18:30")))
                    .isEqualTo(local("2025-09-30T10:00"));
        }

        @Test
        void ten_working_days_count_the_make_up_saturday_and_skip_the_holidays() {
            // working days after Monday 29 September: 30 Sep, 9, 10, 11 (make-up), 13, 14, 15, 16, 17, 20 October
            Instant due = Target.parse("10 working-days").due(business, local("2025-09-29T10:00"));

            assertThat(due).isEqualTo(local("2025-10-20T10:00"));
        }

        @Test
        void one_working_day_from_the_make_up_saturday_ends_on_monday() {
            assertThat(Target.parse("1 working-day").due(business, local("2025-10-11T15:00")))
                    .isEqualTo(local("2025-10-13T15:00"));
        }

        @Test
        void one_working_day_from_a_holiday_ends_with_the_next_working_day() {
            assertThat(Target.parse("1 working-day").due(business, local("2025-10-04T15:00")))
                    .isEqualTo(local("2025-10-10T00:00"));
        }

        @Test
        void working_time_between_two_instants_leaves_out_what_is_not_working_time() {
            assertThat(business.between(local("2025-09-30T17:00"), local("2025-10-09T12:00")))
                    .isEqualTo(Duration.ofHours(4));
            assertThat(Target.parse("3 working-days").elapsed(business, local("2025-09-30T12:00"),
                    local("2025-10-09T12:00"))).isEqualTo(Duration.ofHours(24));
        }

        private Instant local(String dateTime) {
            return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
        }
    }

    /** Summer time in 2026 begins on Sunday 29 March and ends on Sunday 25 October. */
    @Nested
    class Berlin {

        private final ZoneId zone = ZoneId.of("Europe/Berlin");
        private final Calendar business = new Calendar(zone, WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(18, 0),
                Set.of(), Set.of());

        @Test
        void business_hours_open_at_nine_local_time_after_the_clocks_go_forward() {
            // Friday 16:00 CET (15:00Z): 2 hours on Friday, 2 on Monday from 09:00 CEST (07:00Z)
            Instant due = Target.parse("4 business-hours").due(business, Instant.parse("2026-03-27T15:00:00Z"));

            assertThat(due).isEqualTo(Instant.parse("2026-03-30T09:00:00Z"));
        }

        @Test
        void clock_hours_are_elapsed_time_whatever_the_wall_clock_says() {
            Instant due = Target.parse("24 hours").due(Calendar.ALWAYS, Instant.parse("2026-03-28T11:00:00Z"));

            assertThat(due).isEqualTo(Instant.parse("2026-03-29T11:00:00Z"));
        }

        @Test
        void a_working_day_keeps_its_local_time_across_both_changes() {
            // Friday 12:00 CET = 11:00Z; Monday 12:00 CEST = 10:00Z
            assertThat(Target.parse("1 working-day").due(business, Instant.parse("2026-03-27T11:00:00Z")))
                    .isEqualTo(Instant.parse("2026-03-30T10:00:00Z"));
            // Friday 23 October 12:00 CEST = 10:00Z; Monday 26 October 12:00 CET = 11:00Z
            assertThat(Target.parse("1 working-day").due(business, Instant.parse("2026-10-23T10:00:00Z")))
                    .isEqualTo(Instant.parse("2026-10-26T11:00:00Z"));
        }

        @Test
        void the_day_the_clocks_go_back_has_twenty_five_hours_of_working_time_on_a_seven_day_calendar() {
            Calendar everyDay = new Calendar(zone, EnumSet.allOf(DayOfWeek.class), null, null, Set.of(), Set.of());

            assertThat(everyDay.between(Instant.parse("2026-10-24T22:00:00Z"), Instant.parse("2026-10-25T23:00:00Z")))
                    .isEqualTo(Duration.ofHours(25));
        }
    }

    @Test
    void a_calendar_without_working_days_or_with_inverted_hours_is_reported_by_field() {
        Calendar empty = new Calendar(ZoneId.of("UTC"), Set.of(), LocalTime.of(18, 0), LocalTime.of(9, 0), Set.of(),
                Set.of());

        assertThat(empty.problems("")).extracting(e -> e.field()).containsExactly("weekdays", "hoursTo");
    }

    @Test
    void targets_read_as_people_write_them_and_print_the_same_way() {
        assertThat(Target.parse("30 minutes")).isEqualTo(Target.clock(Duration.ofMinutes(30)));
        assertThat(Target.parse("PT15M")).isEqualTo(Target.clock(Duration.ofMinutes(15)));
        assertThat(Target.parse("1 working-day").toString()).isEqualTo("1 working-day");
        assertThat(Target.parse("9 Business-Hours").toString()).isEqualTo("9 business-hours");
        assertThat(Target.parse("2 hours").toString()).isEqualTo("2 hours");
        assertThatThrownBy(() -> Target.parse("soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'9 business-hours'");
    }
}
