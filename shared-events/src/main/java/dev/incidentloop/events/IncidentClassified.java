package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/** The incident was given a priority, from impact and urgency (1 high .. 3 low). */
public record IncidentClassified(
        UUID incidentId,
        Category category,
        int impact,
        int urgency,
        Priority priority,
        String classifiedBy,
        Instant occurredAt) implements IncidentEvent {
}
