package dev.incidentloop.events;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A service-level clock of the incident started, and this is when it runs out. Published again with a later
 * {@code dueAt} whenever the deadline moves; the one with the latest {@code occurredAt} holds.
 *
 * @param target how long the clock allows, e.g. {@code PT30M}
 * @param dueAt  when the target is missed if the clock has not stopped by then
 */
public record SlaDeadlineSet(
        UUID incidentId,
        SlaClock clock,
        Priority priority,
        Duration target,
        Instant dueAt,
        Instant occurredAt) implements EscalationEvent {
}
