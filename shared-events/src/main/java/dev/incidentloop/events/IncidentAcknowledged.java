package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/** A responder took the incident: the response clock stops here. */
public record IncidentAcknowledged(UUID incidentId, String acknowledgedBy, Instant occurredAt) implements IncidentEvent {
}
