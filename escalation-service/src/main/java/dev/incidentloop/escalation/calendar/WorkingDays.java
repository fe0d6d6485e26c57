package dev.incidentloop.escalation.calendar;

import dev.incidentloop.kit.web.FieldError;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * DOMAIN.md section 5, rule "Working days": the built-in calendar, named {@value #NAME}, that every working-day and
 * business-hour target counts on unless its policy names another (an admin may also store a calendar of this name to
 * replace it). Monday to Friday, 09:00-18:00 in the configured zone, with the public holidays and the make-up working
 * days (调休) of {@code escalation.calendar}; set those of each year's official notice.
 */
@ConfigurationProperties("escalation.calendar")
public record WorkingDays(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) Set<DayOfWeek> weekdays,
        @DefaultValue("09:00") LocalTime hoursFrom,
        @DefaultValue("18:00") LocalTime hoursTo,
        Set<LocalDate> holidays,
        Set<LocalDate> makeUpWorkingDays) {

    public static final String NAME = "working-days";

    public WorkingDays {
        Calendar calendar = new Calendar(zone, weekdays, hoursFrom, hoursTo, holidays, makeUpWorkingDays);
        List<FieldError> problems = calendar.problems("escalation.calendar.");
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.stream().map(p -> p.field() + " " + p.message())
                    .collect(Collectors.joining("; ")));
        }
    }

    public Calendar calendar() {
        return new Calendar(zone, weekdays, hoursFrom, hoursTo, holidays, makeUpWorkingDays);
    }
}
