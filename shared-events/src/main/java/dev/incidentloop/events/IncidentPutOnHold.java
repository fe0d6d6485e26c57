package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Work waits, for the reporter, a vendor, a change or a problem.
 */
public record IncidentPutOnHold(
        UUID incidentId, HoldReason reason, String by, Instant occurredAt) implements IncidentEvent {
}
