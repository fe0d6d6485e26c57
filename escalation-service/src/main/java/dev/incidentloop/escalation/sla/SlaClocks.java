package dev.incidentloop.escalation.sla;

import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SlaClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class SlaClocks {

    private final JdbcTemplate jdbc;

    SlaClocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts the clock unless it already runs; true if it was started now. */
    boolean start(UUID incidentId, SlaClock clock, Priority priority, Instant startedAt, Duration target) {
        return jdbc.update("""
                insert into sla_clock (incident_id, clock, priority, started_at, target_seconds, due_at)
                values (?, ?, ?, ?, ?, ?) on conflict (incident_id, clock) do nothing""",
                incidentId, clock.wireName(), priority.name(), Timestamp.from(startedAt), target.toSeconds(),
                Timestamp.from(startedAt.plus(target))) == 1;
    }

    /** Stops the clock if it runs; true if it was running. */
    boolean stop(UUID incidentId, SlaClock clock, Instant at) {
        return jdbc.update("""
                update sla_clock set stopped_at = ? where incident_id = ? and clock = ? and stopped_at is null""",
                Timestamp.from(at), incidentId, clock.wireName()) == 1;
    }

    /** The clock, locked for the rest of the transaction so that one deadline is handled once. */
    Optional<SlaClockState> lock(UUID incidentId, SlaClock clock) {
        return jdbc.query("select * from sla_clock where incident_id = ? and clock = ? for update", this::map,
                incidentId, clock.wireName()).stream().findFirst();
    }

    List<SlaClockState> find(UUID incidentId) {
        return jdbc.query("select * from sla_clock where incident_id = ? order by started_at, clock desc", this::map,
                incidentId);
    }

    void markBreached(UUID incidentId, SlaClock clock, Instant at) {
        jdbc.update("update sla_clock set breached_at = ? where incident_id = ? and clock = ?", Timestamp.from(at),
                incidentId, clock.wireName());
    }

    private SlaClockState map(ResultSet rs, int row) throws SQLException {
        return new SlaClockState(rs.getObject("incident_id", UUID.class), clock(rs.getString("clock")),
                Priority.valueOf(rs.getString("priority")), instant(rs, "started_at"),
                Duration.ofSeconds(rs.getLong("target_seconds")), instant(rs, "due_at"), instant(rs, "stopped_at"),
                instant(rs, "breached_at"));
    }

    private static SlaClock clock(String wireName) {
        return Arrays.stream(SlaClock.values()).filter(c -> c.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown clock " + wireName));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
