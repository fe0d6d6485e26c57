package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The reporter accepted the resolution, themselves or through the service desk.
 *
 * @param satisfaction 1 (very unsatisfied) .. 5 (very satisfied)
 * @param by           who recorded it
 * @param onBehalfOf   the reporter, when a responder recorded it for them (a call-back); null when the reporter did
 */
public record ResolutionConfirmed(
        UUID incidentId, int satisfaction, String comment, String by, String onBehalfOf, Instant occurredAt)
        implements IncidentEvent {
}
