package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/** The incident is closed; nothing more happens to it. */
public record IncidentClosed(UUID incidentId, String closedBy, Instant occurredAt) implements IncidentEvent {
}
