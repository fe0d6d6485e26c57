package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Nobody confirmed or rejected the incident's resolution within the confirmation period (DOMAIN.md section 2,
 * "Confirmation and closure"): incident-service closes it, unless it was confirmed, rejected or resolved again
 * meanwhile.
 *
 * @param resolvedAt the resolution that was not confirmed
 * @param period     the period it had, e.g. {@code 5 working-days}
 */
public record ResolutionUnconfirmed(
        UUID incidentId,
        Instant resolvedAt,
        String period,
        Instant occurredAt) implements EscalationEvent {
}
