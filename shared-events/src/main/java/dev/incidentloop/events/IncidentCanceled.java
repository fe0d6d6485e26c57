package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Not an incident to resolve: a duplicate (of {@code duplicateOf}) or not an incident at all.
 */
public record IncidentCanceled(
        UUID incidentId, CancelReason reason, UUID duplicateOf, String by, Instant occurredAt) implements IncidentEvent {
}
