package dev.incidentloop.reporting.kpi;

import dev.incidentloop.reporting.facts.FactFilter;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The incidents reported in [from, to) that match the attributes. */
public record KpiFilter(Instant from, Instant to, FactFilter attributes) {

    /** The SQL condition on {@code incident_fact}. */
    String reportedInPeriod(List<Object> args) {
        args.add(Timestamp.from(from));
        args.add(Timestamp.from(to));
        return "reported_at >= ? and reported_at < ?" + attributes.and(args);
    }
}
