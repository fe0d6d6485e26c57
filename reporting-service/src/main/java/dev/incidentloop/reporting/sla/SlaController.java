package dev.incidentloop.reporting.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The SLA view of one incident. */
@RestController
class SlaController {

    private final JdbcTemplate jdbc;

    SlaController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/sla/{incidentId}")
    Mono<ResponseEntity<IncidentSla>> sla(@PathVariable UUID incidentId) {
        return Mono.fromCallable(() -> jdbc.query("select * from incident_sla where incident_id = ?",
                                SlaController::map, incidentId).stream().findFirst()
                        .map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static IncidentSla map(ResultSet rs, int row) throws SQLException {
        Instant reported = instant(rs, "reported_at");
        Instant acknowledged = instant(rs, "acknowledged_at");
        Instant resolved = instant(rs, "resolved_at");
        return new IncidentSla(rs.getObject("incident_id", UUID.class), rs.getString("category"),
                rs.getString("priority"), reported, acknowledged, resolved, instant(rs, "closed_at"),
                rs.getInt("escalations"), between(reported, acknowledged), between(reported, resolved));
    }

    private static Duration between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
