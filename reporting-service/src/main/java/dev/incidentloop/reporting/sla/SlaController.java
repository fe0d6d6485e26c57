package dev.incidentloop.reporting.sla;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Priority;
import dev.incidentloop.kit.web.InvalidRequestException;
import dev.incidentloop.reporting.facts.FactFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * SLA tracking: one incident's clocks, the open incidents with the time left on each clock (most urgent first), and
 * the incidents that missed a target (latest deadline first).
 */
@RestController
class SlaController {

    private static final int MAX_LIMIT = 1_000;
    /** Still open: neither closed nor canceled, and not resolved unless reopened since. */
    private static final String OPEN = """
            closed_at is null and canceled_at is null
            and (first_resolved_at is null or last_reopened_at > last_resolved_at)""";
    private static final String RESPONDED = "least(first_acknowledged_at, first_resolved_at)";
    /**
     * Missed a deadline (escalation-service's verdict where given), or still running past it unpaused; canceled
     * incidents are left out, as from the KPIs.
     */
    private static final String MISSED = """
            canceled_at is null
            and (response_breached or resolution_breached or not response_met or not resolution_met
                 or (response_met is null and not response_paused
                     and coalesce(least(first_acknowledged_at, first_resolved_at), now()) > response_due_at)
                 or (resolution_met is null and not resolution_paused
                     and coalesce(first_resolved_at, now()) > resolution_due_at))""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SlaController(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/sla/{incidentId}")
    Mono<ResponseEntity<IncidentFactView>> sla(@PathVariable UUID incidentId) {
        return Mono.fromCallable(() -> {
            Instant now = clock.instant();
            return jdbc.query("select * from incident_fact where incident_id = ?", (rs, row) -> map(rs, now),
                            incidentId).stream().findFirst()
                    .map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** Open incidents, the one whose running clock runs out first at the top (overdue ones before all others). */
    @GetMapping("/sla/open")
    Mono<List<IncidentFactView>> open(@RequestParam(required = false) Category category,
                                      @RequestParam(required = false) Priority priority,
                                      @RequestParam(required = false) String team,
                                      @RequestParam(defaultValue = "100") int limit) {
        return list(OPEN, """
                least(case when %s is null then response_due_at end,
                      case when first_resolved_at is null then resolution_due_at end) asc nulls last, reported_at"""
                .formatted(RESPONDED), category, priority, team, limit);
    }

    /** Incidents that missed their response or resolution target, the latest missed deadline first. */
    @GetMapping("/sla/breached")
    Mono<List<IncidentFactView>> breached(@RequestParam(required = false) Category category,
                                          @RequestParam(required = false) Priority priority,
                                          @RequestParam(required = false) String team,
                                          @RequestParam(defaultValue = "100") int limit) {
        return list(MISSED, "greatest(response_due_at, resolution_due_at) desc nulls last, reported_at desc",
                category, priority, team, limit);
    }

    private Mono<List<IncidentFactView>> list(String condition, String order, Category category, Priority priority,
                                              String team, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return Mono.fromCallable(() -> {
            Instant now = clock.instant();
            List<Object> args = new ArrayList<>();
            String where = condition + new FactFilter(category, priority, team).and(args);
            args.add(limit);
            return jdbc.query("select * from incident_fact where " + where + " order by " + order + " limit ?",
                    (rs, row) -> map(rs, now), args.toArray());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private static IncidentFactView map(ResultSet rs, Instant now) throws SQLException {
        Instant reported = instant(rs, "reported_at");
        Instant acknowledged = instant(rs, "first_acknowledged_at");
        Instant resolved = instant(rs, "first_resolved_at");
        Instant canceled = instant(rs, "canceled_at");
        Instant responded = earliest(earliest(acknowledged, resolved), canceled);
        return new IncidentFactView(rs.getObject("incident_id", UUID.class), rs.getString("category"),
                rs.getString("priority"), rs.getString("grade"), rs.getString("team"), rs.getString("support_line"),
                rs.getString("resolved_line"), reported, acknowledged, resolved, instant(rs, "last_resolved_at"),
                instant(rs, "last_reopened_at"), instant(rs, "closed_at"), canceled,
                rs.getInt("reopen_count"), rs.getInt("escalation_count"), rs.getInt("reassignment_count"),
                (Integer) rs.getObject("satisfaction", Integer.class), between(reported, acknowledged),
                between(reported, resolved),
                SlaClockView.of(rs.getObject("response_target_seconds", Long.class), instant(rs, "response_due_at"),
                        responded, rs.getBoolean("response_breached"), rs.getObject("response_met", Boolean.class),
                        rs.getBoolean("response_paused"), now),
                SlaClockView.of(rs.getObject("resolution_target_seconds", Long.class),
                        instant(rs, "resolution_due_at"), earliest(resolved, canceled),
                        rs.getBoolean("resolution_breached"), rs.getObject("resolution_met", Boolean.class),
                        rs.getBoolean("resolution_paused"), now));
    }

    /** A clock stops at the first of these; canceling stops both clocks. */
    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Duration between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
