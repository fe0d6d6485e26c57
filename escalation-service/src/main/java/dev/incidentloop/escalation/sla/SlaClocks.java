package dev.incidentloop.escalation.sla;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentloop.escalation.calendar.Calendar;
import dev.incidentloop.escalation.calendar.Target;
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
    private final ObjectMapper json;

    SlaClocks(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores a clock that has just started, unless it exists; true if it was stored now. */
    boolean insert(SlaClockState c) {
        return jdbc.update("""
                insert into sla_clock (incident_id, clock, priority, started_at, target_seconds, due_at, target,
                                       calendar, warning_share, running_since)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (incident_id, clock) do nothing""",
                c.incidentId(), c.clock().wireName(), c.priority().name(), Timestamp.from(c.startedAt()),
                c.target().amount().toSeconds(), Timestamp.from(c.dueAt()), c.target().toString(),
                write(c.calendar()), c.warningShare(), timestamp(c.runningSince())) == 1;
    }

    /** Stores where a locked clock stands now. */
    void save(SlaClockState c) {
        jdbc.update("""
                update sla_clock set consumed_ms = ?, running_since = ?, due_at = ?, warned_at = ?, stopped_at = ?,
                                     breached_at = ?, met = ?
                where incident_id = ? and clock = ?""",
                c.consumed().toMillis(), timestamp(c.runningSince()), timestamp(c.dueAt()), timestamp(c.warnedAt()),
                timestamp(c.stoppedAt()), timestamp(c.breachedAt()), c.met(), c.incidentId(), c.clock().wireName());
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    /** The incident's clocks, locked for the rest of the transaction. */
    List<SlaClockState> lockAll(UUID incidentId) {
        return jdbc.query("select * from sla_clock where incident_id = ? order by clock desc for update", this::map,
                incidentId);
    }

    /** One clock, locked for the rest of the transaction so that one deadline is handled once. */
    Optional<SlaClockState> lock(UUID incidentId, SlaClock clock) {
        return jdbc.query("select * from sla_clock where incident_id = ? and clock = ? for update", this::map,
                incidentId, clock.wireName()).stream().findFirst();
    }

    List<SlaClockState> find(UUID incidentId) {
        return jdbc.query("select * from sla_clock where incident_id = ? order by clock desc", this::map, incidentId);
    }

    private SlaClockState map(ResultSet rs, int row) throws SQLException {
        return new SlaClockState(rs.getObject("incident_id", UUID.class), clock(rs.getString("clock")),
                Priority.valueOf(rs.getString("priority")), instant(rs, "started_at"), Target.parse(rs.getString(
                "target")), read(rs.getString("calendar")), rs.getObject("warning_share") == null ? 1.0
                : rs.getDouble("warning_share"), Duration.ofMillis(rs.getLong("consumed_ms")),
                instant(rs, "running_since"), instant(rs, "due_at"), instant(rs, "warned_at"),
                instant(rs, "stopped_at"), instant(rs, "breached_at"), (Boolean) rs.getObject("met", Boolean.class));
    }

    private String write(Calendar calendar) {
        try {
            return calendar == Calendar.ALWAYS ? null : json.writeValueAsString(calendar);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Calendar read(String text) {
        try {
            return text == null ? Calendar.ALWAYS : json.readValue(text, Calendar.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a clock's calendar no longer reads", e);
        }
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
