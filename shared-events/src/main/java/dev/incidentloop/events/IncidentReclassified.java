package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The classification was corrected; the reason is kept for the record.
 */
public record IncidentReclassified(
        UUID incidentId, Category category, Classification classification, Priority priority, Priority previousPriority,
        String reason, String reclassifiedBy, Instant occurredAt) implements IncidentEvent {
}
