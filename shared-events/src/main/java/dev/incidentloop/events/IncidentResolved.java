package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Service was restored: the resolution clock stops here. Version 2 renamed {@code notes} to
 * {@code resolutionNotes} and added the line of support and the kind of fix; version 1 events are upcast, with
 * those two unknown (null).
 */
public record IncidentResolved(
        UUID incidentId, String resolvedBy, String resolutionCode, String resolutionNotes, SupportLine supportLine,
        FixType fixType, Instant occurredAt) implements IncidentEvent {
}
