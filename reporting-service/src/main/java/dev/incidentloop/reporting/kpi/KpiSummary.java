package dev.incidentloop.reporting.kpi;

import java.time.Instant;

/**
 * KPIs of the incidents reported in [from, to).
 *
 * @param total                       incidents reported in the period
 * @param acknowledged                of those, acknowledged so far
 * @param resolved                    of those, resolved so far
 * @param escalated                   of those, escalated at least once
 * @param meanTimeToAcknowledgeSeconds MTTA: mean of (first acknowledgement - report) over the acknowledged ones;
 *                                    null when none
 * @param meanTimeToResolveSeconds    MTTR, R for "resolve": mean of (resolution - report) over the resolved ones;
 *                                    null when none
 */
public record KpiSummary(
        Instant from,
        Instant to,
        long total,
        long acknowledged,
        long resolved,
        long escalated,
        Double meanTimeToAcknowledgeSeconds,
        Double meanTimeToResolveSeconds) {
}
