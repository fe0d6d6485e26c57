package dev.incidentloop.reporting.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The reporting view of one incident: its timestamps and what they add up to.
 *
 * @param timeToAcknowledge reported to first acknowledgement (MTTA input); null while unacknowledged
 * @param timeToResolve     reported to resolution (MTTR input); null while unresolved
 */
public record IncidentSla(
        UUID incidentId,
        String category,
        String priority,
        Instant reportedAt,
        Instant acknowledgedAt,
        Instant resolvedAt,
        Instant closedAt,
        int escalations,
        Duration timeToAcknowledge,
        Duration timeToResolve) {
}
