package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The incident refers to a problem or change record, by that record's reference.
 */
public record IncidentLinked(
        UUID incidentId, LinkType linkType, String reference, String by, Instant occurredAt) implements IncidentEvent {
}
