package dev.incidentloop.events;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A service-level clock stopped for good: the incident was acknowledged (response clock), resolved, closed or
 * canceled.
 *
 * @param met     whether it stopped before its target was missed
 * @param elapsed the working time it counted, pauses left out
 */
public record SlaClockStopped(
        UUID incidentId,
        SlaClock clock,
        boolean met,
        Duration elapsed,
        Instant occurredAt) implements EscalationEvent {
}
