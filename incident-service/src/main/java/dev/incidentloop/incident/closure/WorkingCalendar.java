package dev.incidentloop.incident.closure;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * DOMAIN.md section 5, rule "Working days": Monday to Friday are working days, except public holidays; some
 * weekend days are official make-up working days (调休) and count as working days.
 */
public record WorkingCalendar(ZoneId zone, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) {

    public WorkingCalendar {
        holidays = Set.copyOf(holidays);
        makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkingDays.contains(day)) {
            return true;
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return !weekend && !holidays.contains(day);
    }

    /**
     * The instant {@code workingDays} working days before {@code now}, at the same local time: an incident resolved
     * before it has waited at least that many whole working days.
     */
    public Instant minusWorkingDays(Instant now, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("working days must be at least 1");
        }
        ZonedDateTime at = now.atZone(zone);
        int counted = 0;
        while (counted < workingDays) {
            at = at.minusDays(1);
            if (isWorkingDay(at.toLocalDate())) {
                counted++;
            }
        }
        return at.toInstant();
    }
}
