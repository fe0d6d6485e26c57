package dev.incidentloop.reporting.kpi;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** A calendar period in a time zone, named by any date in it; weeks start on Monday (ISO 8601). */
public enum Period {
    DAY("day"),
    WEEK("week"),
    MONTH("month");

    private final String wireName;

    Period(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The period's first day. */
    LocalDate start(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    /** [start of the period, start of the next one) as instants. */
    Instant[] bounds(LocalDate date, ZoneId zone) {
        LocalDate first = start(date);
        LocalDate next = switch (this) {
            case DAY -> first.plusDays(1);
            case WEEK -> first.plusWeeks(1);
            case MONTH -> first.plusMonths(1);
        };
        return new Instant[] {first.atStartOfDay(zone).toInstant(), next.atStartOfDay(zone).toInstant()};
    }
}
