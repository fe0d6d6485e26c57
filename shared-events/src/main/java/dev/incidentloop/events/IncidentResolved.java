package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/** Service was restored: the resolution clock stops here. */
public record IncidentResolved(
        UUID incidentId,
        String resolvedBy,
        String resolutionCode,
        String notes,
        Instant occurredAt) implements IncidentEvent {
}
