package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The reporter did not accept the resolution, themselves or through the service desk; the incident is reopened.
 *
 * @param by         who recorded it
 * @param onBehalfOf the reporter, when a responder recorded it for them; null when the reporter did
 */
public record ResolutionRejected(
        UUID incidentId, String reason, String by, String onBehalfOf, Instant occurredAt) implements IncidentEvent {
}
