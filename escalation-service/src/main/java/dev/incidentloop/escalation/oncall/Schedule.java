package dev.incidentloop.escalation.oncall;

import dev.incidentloop.kit.web.FieldError;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A team's on-call schedule. Layers rotate through their participants; a later layer, where its restriction lets it,
 * takes precedence over the earlier ones (a weekday daytime layer over a 24x7 base layer, say); an override puts
 * someone on call for a stretch of time above every layer. Rotations hand over at the start's local time in the
 * schedule's zone, so a daily rotation at 09:00 stays at 09:00 across daylight-saving changes.
 */
public record Schedule(ZoneId zone, List<Layer> layers, List<ScheduleOverride> overrides) {

    /**
     * @param rotation    {@code daily}, {@code weekly} or an ISO-8601 length such as {@code P3D} or {@code PT12H}
     * @param restriction when the layer is on duty; null for always
     */
    public record Layer(String name, LocalDateTime start, String rotation, List<String> participants,
                        Restriction restriction) {

        public Layer {
            participants = participants == null ? List.of() : List.copyOf(participants);
        }
    }

    /** The layer is on duty on these weekdays between these local times (both null: the whole day). */
    public record Restriction(Set<DayOfWeek> weekdays, LocalTime from, LocalTime to) {

        public Restriction {
            weekdays = weekdays == null || weekdays.isEmpty() ? Set.of()
                    : Collections.unmodifiableSet(EnumSet.copyOf(weekdays));
        }
    }

    /** {@code user} is on call in [from, to), whatever the layers say. */
    public record ScheduleOverride(String user, Instant from, Instant to) {
    }

    public Schedule {
        layers = layers == null ? List.of() : List.copyOf(layers);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    /** What is wrong with the schedule, by field; empty when it is usable. */
    public List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>();
        if (zone == null) {
            problems.add(new FieldError("zone", "must be a time zone such as Europe/Berlin"));
        }
        if (layers.isEmpty()) {
            problems.add(new FieldError("layers", "must have at least one layer"));
        }
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            String at = "layers[" + i + "].";
            if (layer.name() == null || layer.name().isBlank()) {
                problems.add(new FieldError(at + "name", "must not be blank"));
            }
            if (layer.start() == null) {
                problems.add(new FieldError(at + "start", "must be a local date and time such as 2026-01-05T09:00"));
            }
            if (layer.participants().isEmpty() || layer.participants().stream().anyMatch(p -> p == null
                    || p.isBlank())) {
                problems.add(new FieldError(at + "participants", "must name at least one user, none blank"));
            }
            try {
                Rotation.of(layer.rotation());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldError(at + "rotation", e.getMessage()));
            }
            Restriction r = layer.restriction();
            if (r != null) {
                if (r.weekdays().isEmpty()) {
                    problems.add(new FieldError(at + "restriction.weekdays", "must name at least one weekday"));
                }
                if ((r.from() == null) != (r.to() == null) || (r.from() != null && !r.from().isBefore(r.to()))) {
                    problems.add(new FieldError(at + "restriction.to", "must be after from (both or neither given)"));
                }
            }
        }
        for (int i = 0; i < overrides.size(); i++) {
            ScheduleOverride o = overrides.get(i);
            if (o.user() == null || o.user().isBlank()) {
                problems.add(new FieldError("overrides[" + i + "].user", "must not be blank"));
            }
            if (o.from() == null || o.to() == null || !o.to().isAfter(o.from())) {
                problems.add(new FieldError("overrides[" + i + "].to", "must be after from (both given)"));
            }
        }
        return problems;
    }

    /** Who is on call at the instant, and why; {@code user} is null when nobody is. */
    public OnCall at(Instant instant) {
        for (int i = overrides.size() - 1; i >= 0; i--) {
            ScheduleOverride o = overrides.get(i);
            if (!instant.isBefore(o.from()) && instant.isBefore(o.to())) {
                return new OnCall(o.user(), "override");
            }
        }
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer layer = layers.get(i);
            if (onDuty(layer, instant)) {
                long index = Rotation.of(layer.rotation()).index(layer.start().atZone(zone), instant.atZone(zone));
                return new OnCall(layer.participants().get((int) Math.floorMod(index, layer.participants().size())),
                        layer.name());
            }
        }
        return new OnCall(null, null);
    }

    /** Who is on call and where it comes from. */
    public record OnCall(String user, String source) {
    }

    /** A stretch of time one person is on call. */
    public record Shift(String user, String source, Instant start, Instant end) {
    }

    /**
     * The next {@code count} shifts, starting with the one under way at {@code from} (cut to start there); stretches
     * when nobody is on call are left out. Looks at most a year ahead.
     */
    public List<Shift> shifts(Instant from, int count) {
        List<Shift> shifts = new ArrayList<>();
        Instant horizon = from.plus(Duration.ofDays(366));
        Instant t = from;
        OnCall current = at(t);
        Instant start = t;
        while (shifts.size() < count && t.isBefore(horizon)) {
            Instant next = nextChange(t);
            OnCall then = at(next);
            if (!then.equals(current)) {
                if (current.user() != null) {
                    shifts.add(new Shift(current.user(), current.source(), start, next));
                }
                current = then;
                start = next;
            }
            t = next;
        }
        return shifts;
    }

    /** The first instant after {@code t} at which a rotation hands over, a restriction opens or closes, or an override begins or ends. */
    private Instant nextChange(Instant t) {
        Instant best = t.plus(Duration.ofDays(8));
        ZonedDateTime local = t.atZone(zone);
        for (Layer layer : layers) {
            Instant handover = Rotation.of(layer.rotation()).next(layer.start().atZone(zone), local).toInstant();
            best = earliestAfter(t, best, handover);
            Restriction r = layer.restriction();
            if (r != null) {
                for (int d = 0; d <= 7; d++) {
                    var day = local.toLocalDate().plusDays(d);
                    if (r.weekdays().contains(day.getDayOfWeek())) {
                        LocalTime open = r.from() == null ? LocalTime.MIDNIGHT : r.from();
                        best = earliestAfter(t, best, ZonedDateTime.of(day, open, zone).toInstant());
                        best = earliestAfter(t, best, r.to() == null ? day.plusDays(1).atStartOfDay(zone).toInstant()
                                : ZonedDateTime.of(day, r.to(), zone).toInstant());
                    }
                }
            }
        }
        for (ScheduleOverride o : overrides) {
            best = earliestAfter(t, best, o.from());
            best = earliestAfter(t, best, o.to());
        }
        return best;
    }

    private static Instant earliestAfter(Instant t, Instant best, Instant candidate) {
        return candidate.isAfter(t) && candidate.isBefore(best) ? candidate : best;
    }

    private boolean onDuty(Layer layer, Instant instant) {
        Restriction r = layer.restriction();
        if (r == null) {
            return true;
        }
        ZonedDateTime local = instant.atZone(zone);
        if (!r.weekdays().contains(local.getDayOfWeek())) {
            return false;
        }
        if (r.from() == null) {
            return true;
        }
        LocalTime time = local.toLocalTime();
        return !time.isBefore(r.from()) && time.isBefore(r.to());
    }

    /** A rotation's length: whole days in local time, or a fixed duration. */
    private record Rotation(Period days, Duration fixed) {

        static Rotation of(String text) {
            String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
            switch (t) {
                case "DAILY":
                    return new Rotation(Period.ofDays(1), null);
                case "WEEKLY":
                    return new Rotation(Period.ofDays(7), null);
                default:
                    break;
            }
            try {
                if (t.startsWith("PT")) {
                    Duration d = Duration.parse(t);
                    if (d.compareTo(Duration.ofMinutes(1)) >= 0) {
                        return new Rotation(null, d);
                    }
                } else {
                    Period p = Period.parse(t);
                    if (p.getYears() == 0 && p.getMonths() == 0 && p.getDays() > 0) {
                        return new Rotation(p, null);
                    }
                }
            } catch (DateTimeParseException e) {
                // the message below says what is accepted
            }
            throw new IllegalArgumentException("must be daily, weekly, or a length such as P3D or PT12H, was '"
                    + text + "'");
        }

        /** How many hand-overs lie between the start and the instant (negative before the start). */
        long index(ZonedDateTime start, ZonedDateTime at) {
            if (fixed != null) {
                return Math.floorDiv(Duration.between(start, at).toMillis(), fixed.toMillis());
            }
            long dayCount = ChronoUnit.DAYS.between(start.toLocalDate(), at.toLocalDate());
            if (at.toLocalTime().isBefore(start.toLocalTime())) {
                dayCount--;
            }
            return Math.floorDiv(dayCount, days.getDays());
        }

        /** The first hand-over after the instant. */
        ZonedDateTime next(ZonedDateTime start, ZonedDateTime at) {
            long k = index(start, at) + 1;
            if (fixed != null) {
                return start.plus(fixed.multipliedBy(k));
            }
            return ZonedDateTime.of(start.toLocalDate().plusDays(k * days.getDays()), start.toLocalTime(),
                    start.getZone());
        }
    }
}
