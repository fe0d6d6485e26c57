package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The reporter did not accept the resolution; the incident is reopened.
 */
public record ResolutionRejected(
        UUID incidentId, String reason, String by, Instant occurredAt) implements IncidentEvent {
}
