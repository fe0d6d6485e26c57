package dev.incidentloop.escalation.calendar;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service-level or regulatory target as people write it: {@code 30 minutes} or {@code 4 hours} (clock time:
 * every hour counts), {@code 9 business-hours} (only the calendar's working hours count) or {@code 10 working-days}
 * (whole working days of the calendar: from Friday 15:00, one working day ends on Monday 15:00; from a holiday it
 * ends at the end of the next working day). An ISO-8601 duration such as {@code PT15M} is clock time too.
 *
 * @param amount working time to pass: clock time, business hours, or working days as 24 hours each
 */
public record Target(Duration amount, Kind kind) {

    public enum Kind {
        CLOCK,
        BUSINESS_HOURS,
        WORKING_DAYS
    }

    private static final Pattern FORM = Pattern.compile(
            "(\\d{1,6})\\s*(seconds?|minutes?|hours?|business-hours?|working-days?)");

    public Target {
        if (amount == null || amount.isNegative() || kind == null) {
            throw new IllegalArgumentException("a target is an amount of working time, not negative, and its kind");
        }
    }

    public static Target clock(Duration amount) {
        return new Target(amount, Kind.CLOCK);
    }

    /** Reads {@code "4 hours"}, {@code "1 working-day"}, {@code "PT15M"}; anything else is rejected with the forms. */
    @JsonCreator
    public static Target parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Matcher m = FORM.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2);
            if (unit.startsWith("second")) {
                return clock(Duration.ofSeconds(n));
            } else if (unit.startsWith("minute")) {
                return clock(Duration.ofMinutes(n));
            } else if (unit.startsWith("hour")) {
                return clock(Duration.ofHours(n));
            } else if (unit.startsWith("business")) {
                return new Target(Duration.ofHours(n), Kind.BUSINESS_HOURS);
            }
            return new Target(Duration.ofDays(n), Kind.WORKING_DAYS);
        }
        if (t.startsWith("p")) {
            try {
                return clock(Duration.parse(t.toUpperCase(Locale.ROOT)));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a target: write e.g. '30 minutes', '4 hours', "
                + "'9 business-hours' or '10 working-days'");
    }

    /** When the target is missed if the clock runs from {@code from} without pause. */
    public Instant due(Calendar calendar, Instant from) {
        return due(calendar, from, amount);
    }

    /**
     * When {@code left} of this target's kind of working time has passed after {@code from}. Whole working days are
     * counted as days, at the same local time; what is left of a paused working-day target counts as hours of working
     * days.
     */
    public Instant due(Calendar calendar, Instant from, Duration left) {
        return switch (kind) {
            case CLOCK -> from.plus(left);
            case BUSINESS_HOURS -> calendar.plus(from, left);
            case WORKING_DAYS -> left.toSeconds() % 86_400 == 0 ? calendar.plusWorkingDays(from, left.toDays())
                    : calendar.wholeDays().plus(from, left);
        };
    }

    /** The working time of this target's kind between two instants. */
    public Duration elapsed(Calendar calendar, Instant from, Instant to) {
        return switch (kind) {
            case CLOCK -> to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
            case BUSINESS_HOURS -> calendar.between(from, to);
            case WORKING_DAYS -> calendar.wholeDays().between(from, to);
        };
    }

    @JsonValue
    @Override
    public String toString() {
        return switch (kind) {
            case CLOCK -> {
                long s = amount.toSeconds();
                if (s == 0) {
                    yield "0 minutes";
                } else if (s % 3600 == 0) {
                    yield s / 3600 + (s == 3600 ? " hour" : " hours");
                } else if (s % 60 == 0) {
                    yield s / 60 + (s == 60 ? " minute" : " minutes");
                }
                yield s + (s == 1 ? " second" : " seconds");
            }
            case BUSINESS_HOURS -> amount.toHours() + (amount.toHours() == 1 ? " business-hour" : " business-hours");
            case WORKING_DAYS -> amount.toDays() + (amount.toDays() == 1 ? " working-day" : " working-days");
        };
    }
}
