package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The reporter accepted the resolution.
 *
 * @param satisfaction 1 (very unsatisfied) .. 5 (very satisfied)
 */
public record ResolutionConfirmed(
        UUID incidentId, int satisfaction, String comment, String by, Instant occurredAt) implements IncidentEvent {
}
