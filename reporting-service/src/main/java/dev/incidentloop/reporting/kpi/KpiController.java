package dev.incidentloop.reporting.kpi;

import dev.incidentloop.kit.web.InvalidRequestException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** KPI summary over a period; see {@link KpiSummary} for each figure's definition. */
@RestController
class KpiController {

    private final JdbcTemplate jdbc;

    KpiController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param from start of the period, inclusive (ISO-8601 instant); default: 30 days before {@code to}
     * @param to   end of the period, exclusive; default: now
     */
    @GetMapping("/kpi/summary")
    Mono<KpiSummary> summary(@RequestParam(required = false) Instant from,
                                    @RequestParam(required = false) Instant to) {
        Instant end = to != null ? to : Instant.now();
        Instant start = from != null ? from : end.minus(Duration.ofDays(30));
        if (!start.isBefore(end)) {
            throw new InvalidRequestException("to", "must be after from");
        }
        return Mono.fromCallable(() -> query(start, end))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private KpiSummary query(Instant from, Instant to) {
        return jdbc.queryForObject("""
                select count(*) as total,
                       count(acknowledged_at) as acknowledged,
                       count(resolved_at) as resolved,
                       count(*) filter (where escalations > 0) as escalated,
                       avg(extract(epoch from acknowledged_at - reported_at)) as mtta,
                       avg(extract(epoch from resolved_at - reported_at)) as mttr
                from incident_sla
                where reported_at >= ? and reported_at < ?""",
                (rs, row) -> new KpiSummary(from, to, rs.getLong("total"), rs.getLong("acknowledged"),
                        rs.getLong("resolved"), rs.getLong("escalated"), (Double) nullable(rs.getObject("mtta")),
                        (Double) nullable(rs.getObject("mttr"))),
                Timestamp.from(from), Timestamp.from(to));
    }

    private static Object nullable(Object number) {
        return number == null ? null : ((Number) number).doubleValue();
    }
}
