package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Work goes on after a hold.
 */
public record IncidentResumed(
        UUID incidentId, String by, Instant occurredAt) implements IncidentEvent {
}
