package dev.incidentloop.reporting.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The reporting view of one incident: every timestamp the KPIs use, its counts, and its two clocks.
 *
 * @param grade             HSE grade, EHS level ({@code level-N}), security severity or {@code major}, emergency
 *                          kind; null for IT service incidents
 * @param team              the assignment group it was last assigned to
 * @param resolvedLine      the support line that resolved it last
 * @param timeToAcknowledge report to first acknowledgement; null while unacknowledged
 * @param timeToResolve     report to first resolution; null while unresolved
 */
public record IncidentFactView(
        UUID incidentId,
        String category,
        String priority,
        String grade,
        String team,
        String supportLine,
        String resolvedLine,
        Instant reportedAt,
        Instant acknowledgedAt,
        Instant resolvedAt,
        Instant lastResolvedAt,
        Instant lastReopenedAt,
        Instant closedAt,
        Instant canceledAt,
        int reopenCount,
        int escalationCount,
        int reassignmentCount,
        Integer satisfaction,
        Duration timeToAcknowledge,
        Duration timeToResolve,
        SlaClockView response,
        SlaClockView resolution) {
}
