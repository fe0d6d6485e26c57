package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A reporting obligation was not fulfilled by its deadline (or was fulfilled late: {@code fulfilledAt} is then set).
 */
public record RegulatoryDeadlineMissed(
        UUID incidentId,
        String deadline,
        Instant dueAt,
        Instant fulfilledAt,
        Instant occurredAt) implements EscalationEvent {
}
