package dev.incidentloop.events;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A service-level clock has used up its warning share of the target (e.g. 75 %) and still runs.
 *
 * @param elapsed the working time counted so far
 * @param dueAt   when the target will be missed if the clock keeps running
 */
public record SlaWarning(
        UUID incidentId,
        SlaClock clock,
        Duration target,
        Duration elapsed,
        Instant dueAt,
        Instant occurredAt) implements EscalationEvent {
}
