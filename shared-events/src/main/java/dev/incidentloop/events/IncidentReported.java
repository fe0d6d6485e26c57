package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An incident was reported, by a person over HTTP or by another system on the intake topic.
 *
 * @param channel how it arrived: {@code http} or {@code intake:<source system>}
 */
public record IncidentReported(
        UUID incidentId,
        String title,
        String description,
        Category category,
        String reportedBy,
        String channel,
        Instant occurredAt) implements IncidentEvent {
}
