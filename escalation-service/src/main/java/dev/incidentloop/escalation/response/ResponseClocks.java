package dev.incidentloop.escalation.response;

import dev.incidentloop.events.Priority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class ResponseClocks {

    private final JdbcTemplate jdbc;

    ResponseClocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts the clock unless it already runs; true if it was started now. */
    boolean start(UUID incidentId, Priority priority, Instant startedAt, Duration target) {
        return jdbc.update("""
                insert into response_clock (incident_id, priority, started_at, target_seconds, due_at)
                values (?, ?, ?, ?, ?) on conflict (incident_id) do nothing""",
                incidentId, priority.name(), Timestamp.from(startedAt), target.toSeconds(),
                Timestamp.from(startedAt.plus(target))) == 1;
    }

    /** Stops a running clock; true if it was running. */
    boolean stop(UUID incidentId, Instant at) {
        return jdbc.update("update response_clock set stopped_at = ? where incident_id = ? and stopped_at is null",
                Timestamp.from(at), incidentId) == 1;
    }

    /** The clock, locked for the rest of the transaction so that one deadline is handled once. */
    Optional<ResponseClock> lock(UUID incidentId) {
        return jdbc.query("select * from response_clock where incident_id = ? for update", this::map, incidentId)
                .stream().findFirst();
    }

    Optional<ResponseClock> find(UUID incidentId) {
        return jdbc.query("select * from response_clock where incident_id = ?", this::map, incidentId)
                .stream().findFirst();
    }

    void markEscalated(UUID incidentId, Instant at) {
        jdbc.update("update response_clock set escalated_at = ? where incident_id = ?", Timestamp.from(at), incidentId);
    }

    private ResponseClock map(ResultSet rs, int row) throws SQLException {
        return new ResponseClock(rs.getObject("incident_id", UUID.class), Priority.valueOf(rs.getString("priority")),
                instant(rs, "started_at"), Duration.ofSeconds(rs.getLong("target_seconds")), instant(rs, "due_at"),
                instant(rs, "stopped_at"), instant(rs, "escalated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
