package dev.incidentloop.escalation.calendar;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.incidentloop.kit.web.FieldError;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * When the clocks run (DOMAIN.md section 5, rule "Working days"): a time zone, the weekdays that are working days,
 * public holidays that are not, make-up working days (调休) that are despite falling on a weekend, and the working
 * hours of a working day ({@code hoursFrom}-{@code hoursTo}; both null for the whole day).
 *
 * <p>{@code 24x7}: every day, the whole day, no holidays. Business hours: e.g. 09:00-18:00 Monday to Friday.
 */
public record Calendar(
        ZoneId zone,
        Set<DayOfWeek> weekdays,
        LocalTime hoursFrom,
        LocalTime hoursTo,
        Set<LocalDate> holidays,
        Set<LocalDate> makeUpWorkingDays) {

    /** Clock time: every instant counts. */
    public static final Calendar ALWAYS = new Calendar(ZoneId.of("UTC"), EnumSet.allOf(DayOfWeek.class), null, null,
            Set.of(), Set.of());

    /** How far ahead the arithmetic looks for working time before it gives up. */
    private static final int MAX_DAYS = 3 * 366;

    public Calendar {
        // sorted, so that a calendar reads back in the order of the week and of the year
        weekdays = weekdays == null || weekdays.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(weekdays));
        holidays = holidays == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(holidays));
        makeUpWorkingDays = makeUpWorkingDays == null ? Set.of()
                : Collections.unmodifiableSortedSet(new TreeSet<>(makeUpWorkingDays));
    }

    /** What is wrong with this calendar, each under the name of its field; empty when it is usable. */
    public List<FieldError> problems(String prefix) {
        List<FieldError> problems = new ArrayList<>();
        if (zone == null) {
            problems.add(new FieldError(prefix + "zone", "must be a time zone such as Asia/Shanghai"));
        }
        if (weekdays.isEmpty() && makeUpWorkingDays.isEmpty()) {
            problems.add(new FieldError(prefix + "weekdays", "must name at least one working weekday"));
        }
        if ((hoursFrom == null) != (hoursTo == null)) {
            problems.add(new FieldError(prefix + (hoursFrom == null ? "hoursFrom" : "hoursTo"),
                    "must be given with the other end of the working hours"));
        } else if (hoursFrom != null && !hoursFrom.isBefore(hoursTo)) {
            problems.add(new FieldError(prefix + "hoursTo", "must be after hoursFrom"));
        }
        for (LocalDate day : makeUpWorkingDays) {
            if (holidays.contains(day)) {
                problems.add(new FieldError(prefix + "makeUpWorkingDays", day + " is also a holiday"));
            }
        }
        return problems;
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkingDays.contains(day)) {
            return true;
        }
        return weekdays.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /** The same calendar counting whole working days: its working hours dropped. */
    @JsonIgnore
    public Calendar wholeDays() {
        return new Calendar(zone, weekdays, null, null, holidays, makeUpWorkingDays);
    }

    /**
     * The instant at which {@code amount} of working time has passed since {@code from}. From an instant outside
     * working time the count starts when working time next begins.
     */
    public Instant plus(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        Duration left = amount;
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            Window w = window(day);
            if (w == null) {
                continue;
            }
            Instant start = from.isAfter(w.start) ? from : w.start;
            if (!start.isBefore(w.end)) {
                continue;
            }
            Duration available = Duration.between(start, w.end);
            if (available.compareTo(left) >= 0) {
                return start.plus(left);
            }
            left = left.minus(available);
        }
        throw new IllegalStateException("no working time found within " + MAX_DAYS + " days of " + from);
    }

    /**
     * {@code days} working days after {@code from}, at the same local time (daylight saving changes do not shift it):
     * from Friday 15:00, one working day ends on Monday 15:00. From an instant on a day that is not a working day,
     * counting starts at the beginning of the next working day, so one working day ends with that day.
     */
    public Instant plusWorkingDays(Instant from, long days) {
        ZonedDateTime at = from.atZone(zone);
        if (!isWorkingDay(at.toLocalDate())) {
            LocalDate day = at.toLocalDate();
            for (int i = 0; i < MAX_DAYS && !isWorkingDay(day); i++) {
                day = day.plusDays(1);
            }
            at = day.atStartOfDay(zone);
        }
        LocalDate day = at.toLocalDate();
        for (long counted = 0, i = 0; counted < days; i++) {
            if (i > MAX_DAYS) {
                throw new IllegalStateException("no working day found within " + MAX_DAYS + " days of " + from);
            }
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return ZonedDateTime.of(day, at.toLocalTime(), zone).toInstant();
    }

    /** The working time between two instants (zero if {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        LocalDate day = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            Window w = window(day);
            if (w == null) {
                continue;
            }
            Instant start = from.isAfter(w.start) ? from : w.start;
            Instant end = to.isBefore(w.end) ? to : w.end;
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    private record Window(Instant start, Instant end) {
    }

    /** A working day's working time as instants; null on other days. Local times follow daylight saving. */
    private Window window(LocalDate day) {
        if (!isWorkingDay(day)) {
            return null;
        }
        ZonedDateTime start = hoursFrom == null ? day.atStartOfDay(zone) : ZonedDateTime.of(day, hoursFrom, zone);
        ZonedDateTime end = hoursTo == null ? day.plusDays(1).atStartOfDay(zone) : ZonedDateTime.of(day, hoursTo, zone);
        return new Window(start.toInstant(), end.toInstant());
    }
}
