package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A reporting obligation was fulfilled in time.
 *
 * @param by   who recorded it (null when the report itself fulfilled it)
 * @param note what was done, e.g. to whom the report went
 */
public record RegulatoryDeadlineMet(
        UUID incidentId,
        String deadline,
        Instant dueAt,
        String by,
        String note,
        Instant occurredAt) implements EscalationEvent {
}
