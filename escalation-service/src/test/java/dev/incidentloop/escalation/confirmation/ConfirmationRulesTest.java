package dev.incidentloop.escalation.confirmation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentloop.escalation.calendar.Calendar;
import dev.incidentloop.escalation.calendar.Target;
import dev.incidentloop.escalation.calendar.WorkingDays;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * DOMAIN.md section 2, "Confirmation and closure", counted as section 5, rule "Working days" says: an unconfirmed
 * resolution is closed 5 working days after it, on a calendar with China's 2026 National Day holiday (1, 2 and 5-7
 * October off; Sunday 20 September and Saturday 10 October worked).
 */
class ConfirmationRulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Target FIVE_WORKING_DAYS = Target.parse("5 working-days");
    private final Calendar calendar = new Binder(new MapConfigurationPropertySource(Map.of(
            "escalation.calendar.holidays", "2026-10-01,2026-10-02,2026-10-05,2026-10-06,2026-10-07",
            "escalation.calendar.make-up-working-days", "2026-09-20,2026-10-10")))
            .bindOrCreate("escalation.calendar", WorkingDays.class).calendar();

    @Test
    void resolved_on_monday_at_11_it_is_closed_the_next_monday_at_11_not_on_saturday() {
        // given a resolution on Monday 7 December 2026, 11:00; when five working days pass
        Instant closes = ConfirmationRules.lapsesAt(FIVE_WORKING_DAYS, calendar, shanghai("2026-12-07T11:00"));

        // then it is Monday 14 December, 11:00
        assertThat(closes).isEqualTo(shanghai("2026-12-14T11:00"));
    }

    @Test
    void resolved_on_a_weekend_the_count_starts_with_the_next_working_day() {
        // Saturday 12 December: Monday 14 to Friday 18 count; it closes when working time resumes, never on a weekend
        assertThat(ConfirmationRules.lapsesAt(FIVE_WORKING_DAYS, calendar, shanghai("2026-12-12T10:00")))
                .isEqualTo(shanghai("2026-12-21T00:00"));
    }

    @Test
    void resolved_on_a_holiday_the_count_starts_after_it_and_includes_the_make_up_saturday() {
        // Thursday 1 October (holiday): 8, 9, Saturday 10 (made up), 12 and 13 October count
        assertThat(ConfirmationRules.lapsesAt(FIVE_WORKING_DAYS, calendar, shanghai("2026-10-01T10:00")))
                .isEqualTo(shanghai("2026-10-14T00:00"));
    }

    @Test
    void resolved_on_a_make_up_day_that_day_is_a_working_day() {
        // Saturday 10 October 11:00 (made up): 12, 13, 14, 15 and 16 October
        assertThat(ConfirmationRules.lapsesAt(FIVE_WORKING_DAYS, calendar, shanghai("2026-10-10T11:00")))
                .isEqualTo(shanghai("2026-10-16T11:00"));
    }

    @Test
    void only_the_resolution_still_awaiting_confirmation_lapses() {
        Instant resolved = Instant.parse("2026-12-07T03:00:00.123456Z");

        assertThat(ConfirmationRules.lapsed(resolved, Instant.parse("2026-12-07T03:00:00.123Z")))
                .as("the same resolution, to the millisecond").isTrue();
        assertThat(ConfirmationRules.lapsed(null, resolved)).as("confirmed, rejected or reopened since").isFalse();
        assertThat(ConfirmationRules.lapsed(resolved.plusSeconds(3600), resolved)).as("resolved again since")
                .isFalse();
    }

    private static Instant shanghai(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }
}
