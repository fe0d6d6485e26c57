package dev.incidentloop.events;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A service-level clock ran out before it was stopped.
 *
 * @param target  what the clock allowed
 * @param elapsed how long the clock had run when the breach was found (at least the target)
 */
public record SlaBreached(
        UUID incidentId,
        SlaClock clock,
        Duration target,
        Duration elapsed,
        Instant occurredAt) implements EscalationEvent {
}
