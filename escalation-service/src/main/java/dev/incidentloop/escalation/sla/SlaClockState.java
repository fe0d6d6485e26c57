package dev.incidentloop.escalation.sla;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.incidentloop.escalation.calendar.Calendar;
import dev.incidentloop.escalation.calendar.Target;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SlaClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Where one clock of one incident stands. The response clock runs from the classification until a responder
 * acknowledges; the resolution clock until the incident is resolved; closing or canceling stops both. Both pause
 * while the incident waits for its reporter or a vendor.
 *
 * @param target       as the policy gave it when the clock started
 * @param consumed     working time counted before the current run (all of it once paused or stopped)
 * @param runningSince when the current run began; null while paused or stopped
 * @param dueAt        when the target is missed if the clock keeps running (as of the last start or resume)
 */
public record SlaClockState(
        UUID incidentId,
        SlaClock clock,
        Priority priority,
        Instant startedAt,
        Target target,
        @JsonIgnore Calendar calendar,
        double warningShare,
        Duration consumed,
        Instant runningSince,
        Instant dueAt,
        Instant warnedAt,
        Instant stoppedAt,
        Instant breachedAt,
        Boolean met) {

    public boolean running() {
        return runningSince != null && stoppedAt == null;
    }

    public boolean paused() {
        return runningSince == null && stoppedAt == null && breachedAt == null;
    }

    /** Working time counted up to {@code now}. */
    public Duration elapsed(Instant now) {
        return running() ? consumed.plus(target.elapsed(calendar, runningSince, now)) : consumed;
    }
}
