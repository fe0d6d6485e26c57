package dev.incidentloop.reporting.kpi;

import dev.incidentloop.reporting.facts.FactFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The KPI figures, computed by PostgreSQL from {@code incident_fact}. */
@Repository
public class KpiQueries {

    /**
     * Per incident: whether each clock was met (true), missed (false) or is still undecided (null). escalation-service's
     * word decides where it was given (SlaClockStopped, SlaBreached); otherwise the response clock stops at the first
     * acknowledgement or resolution, and a clock that has not stopped by its deadline, and is not paused, is missed.
     * Canceled incidents decide nothing.
     */
    private static final String CLOCKS = """
            select f.*,
                   case when response_due_at is null or canceled_at is not null then null
                        when response_breached then false
                        when response_met is not null then response_met
                        when least(first_acknowledged_at, first_resolved_at) is not null
                             then least(first_acknowledged_at, first_resolved_at) <= response_due_at
                        when response_due_at < now() and not response_paused then false
                   end as response_ok,
                   case when resolution_due_at is null or canceled_at is not null then null
                        when resolution_breached then false
                        when resolution_met is not null then resolution_met
                        when first_resolved_at is not null then first_resolved_at <= resolution_due_at
                        when resolution_due_at < now() and not resolution_paused then false
                   end as resolution_ok
            from incident_fact f
            """;

    private final JdbcTemplate jdbc;

    KpiQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Kpis kpis(KpiFilter filter) {
        List<Object> args = new ArrayList<>();
        String where = filter.reportedInPeriod(args);
        return jdbc.queryForObject("with c as (" + CLOCKS + " where " + where + """
                )
                select count(*) as total,
                       count(canceled_at) as canceled,
                       count(first_acknowledged_at) as acknowledged,
                       count(first_resolved_at) as resolved,
                       count(closed_at) as closed,
                       count(*) filter (where escalation_count > 0) as escalated,
                       count(*) filter (where response_ok) as response_met,
                       count(response_ok) as response_decided,
                       count(*) filter (where resolution_ok) as resolution_met,
                       count(resolution_ok) as resolution_decided,
                       count(*) filter (where response_ok and resolution_ok) as sla_met,
                       count(*) filter (where (response_ok and resolution_ok) or not response_ok
                                              or not resolution_ok) as sla_decided,
                       count(*) filter (where first_resolved_at is not null and resolved_line = 'first') as first_line,
                       count(*) filter (where first_resolved_at is not null and resolved_line = 'second')
                           as second_line,
                       count(*) filter (where first_resolved_at is not null and resolved_line = 'vendor') as vendor,
                       count(*) filter (where first_resolved_at is not null and reopen_count = 0) as first_time_fix,
                       count(*) filter (where reopen_count > 0) as reopened,
                       count(satisfaction) as satisfaction_count,
                       avg(satisfaction)::float8 as satisfaction_mean,
                       count(*) filter (where satisfaction = 1) as s1,
                       count(*) filter (where satisfaction = 2) as s2,
                       count(*) filter (where satisfaction = 3) as s3,
                       count(*) filter (where satisfaction = 4) as s4,
                       count(*) filter (where satisfaction = 5) as s5,
                       avg(extract(epoch from first_acknowledged_at - reported_at))::float8 as tta_mean,
                       percentile_cont(0.5) within group
                           (order by extract(epoch from first_acknowledged_at - reported_at)) as tta_median,
                       percentile_cont(0.9) within group
                           (order by extract(epoch from first_acknowledged_at - reported_at)) as tta_p90,
                       avg(extract(epoch from first_resolved_at - reported_at))::float8 as ttr_mean,
                       percentile_cont(0.5) within group
                           (order by extract(epoch from first_resolved_at - reported_at)) as ttr_median,
                       percentile_cont(0.9) within group
                           (order by extract(epoch from first_resolved_at - reported_at)) as ttr_p90
                from c""", (rs, row) -> map(rs, filter), args.toArray());
    }

    private Kpis map(ResultSet rs, KpiFilter filter) throws SQLException {
        long resolved = rs.getLong("resolved");
        Map<Integer, Long> distribution = new LinkedHashMap<>();
        for (int score = 1; score <= 5; score++) {
            distribution.put(score, rs.getLong("s" + score));
        }
        FactFilter attributes = filter.attributes();
        return new Kpis(filter.from(), filter.to(), attributes.category(), attributes.priority(), attributes.team(),
                rs.getLong("total"), rs.getLong("canceled"), rs.getLong("acknowledged"), resolved,
                rs.getLong("closed"), rs.getLong("escalated"), backlog(filter),
                Kpis.Ratio.of(rs.getLong("response_met"), rs.getLong("response_decided")),
                Kpis.Ratio.of(rs.getLong("resolution_met"), rs.getLong("resolution_decided")),
                Kpis.Ratio.of(rs.getLong("sla_met"), rs.getLong("sla_decided")),
                Kpis.Ratio.of(rs.getLong("first_line"), resolved),
                Kpis.Ratio.of(rs.getLong("second_line"), resolved),
                Kpis.Ratio.of(rs.getLong("vendor"), resolved),
                Kpis.Ratio.of(rs.getLong("first_time_fix"), resolved),
                Kpis.Ratio.of(rs.getLong("reopened"), resolved),
                new Kpis.Satisfaction(rs.getLong("satisfaction_count"), nullable(rs, "satisfaction_mean"),
                        distribution),
                durations(rs, "tta", rs.getLong("acknowledged")),
                durations(rs, "ttr", resolved));
    }

    private long backlog(KpiFilter filter) {
        List<Object> args = new ArrayList<>();
        Timestamp to = Timestamp.from(filter.to());
        args.add(to);
        args.add(to);
        args.add(to);
        String attributes = filter.attributes().and(args);
        return jdbc.queryForObject("""
                select count(*) from incident_fact
                where reported_at < ? and (closed_at is null or closed_at >= ?)
                  and (canceled_at is null or canceled_at >= ?)""" + attributes, Long.class, args.toArray());
    }

    /** Incidents reported in each month of [first, last] in the zone, oldest first, months without any as 0. */
    public Map<YearMonth, Long> monthlyVolumes(YearMonth first, YearMonth last, ZoneId zone, FactFilter attributes) {
        List<Object> args = new ArrayList<>();
        args.add(zone.getId());
        args.add(Timestamp.from(first.atDay(1).atStartOfDay(zone).toInstant()));
        args.add(Timestamp.from(last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()));
        String filter = attributes.and(args);
        Map<YearMonth, Long> volumes = new LinkedHashMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            volumes.put(m, 0L);
        }
        jdbc.query("""
                select to_char(reported_at at time zone ?, 'YYYY-MM') as month, count(*) as incidents
                from incident_fact where reported_at >= ? and reported_at < ?""" + filter + " group by 1",
                rs -> {
                    volumes.put(YearMonth.parse(rs.getString("month")), rs.getLong("incidents"));
                }, args.toArray());
        return volumes;
    }

    private static Kpis.Durations durations(ResultSet rs, String prefix, long count) throws SQLException {
        return new Kpis.Durations(count, nullable(rs, prefix + "_mean"), nullable(rs, prefix + "_median"),
                nullable(rs, prefix + "_p90"));
    }

    private static Double nullable(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
