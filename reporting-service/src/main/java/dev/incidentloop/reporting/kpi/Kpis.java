package dev.incidentloop.reporting.kpi;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Priority;
import java.time.Instant;
import java.util.Map;

/**
 * The KPIs of DOMAIN.md section 2 (rule "KPIs") over the incidents reported in [from, to) that match the filters.
 * docs/reporting-service.md ("The KPIs") defines every figure; in short:
 *
 * @param total                 incidents reported in the period
 * @param canceled              of those, canceled (duplicates, not an incident); they count in {@code total} only
 * @param acknowledged          acknowledged at least once
 * @param resolved              resolved at least once
 * @param closed                closed
 * @param escalated             escalated at least once
 * @param backlog               reported before {@code to} (whatever the {@code from}) and neither closed nor
 *                              canceled at {@code to}
 * @param responseRate          responded (acknowledged, or resolved first) by the response deadline, of those whose
 *                              response clock is decided (responded, or deadline missed)
 * @param resolvedWithinTarget  first resolved by the resolution deadline, of those whose resolution clock is decided
 * @param slaCompliance         met both clocks, of those with both clocks decided or one missed
 * @param firstLineResolution   resolved by the first line, of the resolved
 * @param secondLineResolution  resolved by the second line, of the resolved
 * @param vendorResolution      resolved by a vendor, of the resolved
 * @param firstTimeFix          resolved and never reopened (count), of the resolved
 * @param reopened              reopened at least once, of the resolved
 * @param satisfaction          the reporters' scores (1-5) given at confirmation
 * @param timeToAcknowledge     report to first acknowledgement (MTTA), over the acknowledged
 * @param timeToResolve         report to first resolution (MTTR, R = resolve), over the resolved
 */
public record Kpis(
        Instant from,
        Instant to,
        Category category,
        Priority priority,
        String team,
        long total,
        long canceled,
        long acknowledged,
        long resolved,
        long closed,
        long escalated,
        long backlog,
        Ratio responseRate,
        Ratio resolvedWithinTarget,
        Ratio slaCompliance,
        Ratio firstLineResolution,
        Ratio secondLineResolution,
        Ratio vendorResolution,
        Ratio firstTimeFix,
        Ratio reopened,
        Satisfaction satisfaction,
        Durations timeToAcknowledge,
        Durations timeToResolve) {

    /** {@code count} of {@code of}; {@code percent} is null when {@code of} is 0. */
    public record Ratio(long count, long of, Double percent) {
        static Ratio of(long count, long of) {
            return new Ratio(count, of, of == 0 ? null : Math.round(count * 10_000.0 / of) / 100.0);
        }
    }

    /** Mean score and how many gave each score; mean is null without scores. */
    public record Satisfaction(long responses, Double mean, Map<Integer, Long> distribution) {
    }

    /**
     * Seconds; mean, median and 90th percentile (linear interpolation between the closest ranks, as PostgreSQL's
     * {@code percentile_cont}); null when {@code count} is 0.
     */
    public record Durations(long count, Double meanSeconds, Double medianSeconds, Double p90Seconds) {
    }
}
