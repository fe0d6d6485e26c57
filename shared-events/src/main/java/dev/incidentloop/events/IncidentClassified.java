package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The incident was classified under its category's policy, which also gives it a priority.
 */
public record IncidentClassified(
        UUID incidentId, Category category, Classification classification, Priority priority, String classifiedBy, Instant occurredAt) implements IncidentEvent {
}
