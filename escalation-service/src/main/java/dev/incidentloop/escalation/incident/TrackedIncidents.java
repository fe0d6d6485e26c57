package dev.incidentloop.escalation.incident;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Priority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class TrackedIncidents {

    private final JdbcTemplate jdbc;

    TrackedIncidents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<TrackedIncident> find(UUID incidentId) {
        return jdbc.query("select * from tracked_incident where incident_id = ?", TrackedIncidents::map, incidentId)
                .stream().findFirst();
    }

    void reported(UUID incidentId, Category category, Instant at) {
        jdbc.update("""
                insert into tracked_incident (incident_id, category, reported_at) values (?, ?, ?)
                on conflict (incident_id) do update set category = excluded.category,
                    reported_at = excluded.reported_at""", incidentId, category.wireName(), Timestamp.from(at));
    }

    /** Records the classification; the incident as it now stands if this is its first classification. */
    Optional<TrackedIncident> classified(UUID incidentId, Category category, Priority priority, boolean major,
                                         Integer ehsLevel, Instant detectedAt, Instant at) {
        return jdbc.query("""
                insert into tracked_incident as t (incident_id, category, priority, major, ehs_level, detected_at,
                                                   classified_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (incident_id) do update set category = excluded.category, priority = excluded.priority,
                    major = excluded.major, ehs_level = excluded.ehs_level, detected_at = excluded.detected_at,
                    classified_at = coalesce(t.classified_at, excluded.classified_at)
                returning *, classified_at = ? as first""",
                (rs, row) -> rs.getBoolean("first") ? map(rs, row) : null, incidentId, category.wireName(),
                priority.name(), major, ehsLevel, detectedAt == null ? null : Timestamp.from(detectedAt),
                Timestamp.from(at), Timestamp.from(at)).stream().filter(Objects::nonNull).findFirst();
    }

    void assigned(UUID incidentId, String team) {
        jdbc.update("""
                insert into tracked_incident (incident_id, team) values (?, ?)
                on conflict (incident_id) do update set team = excluded.team""", incidentId, team);
    }

    void done(UUID incidentId, Instant at) {
        jdbc.update("""
                insert into tracked_incident as t (incident_id, done_at) values (?, ?)
                on conflict (incident_id) do update set done_at = coalesce(t.done_at, excluded.done_at)""",
                incidentId, Timestamp.from(at));
    }

    void reopened(UUID incidentId) {
        jdbc.update("update tracked_incident set done_at = null where incident_id = ?", incidentId);
    }

    private static TrackedIncident map(ResultSet rs, int row) throws SQLException {
        String category = rs.getString("category");
        String priority = rs.getString("priority");
        return new TrackedIncident(rs.getObject("incident_id", UUID.class),
                category == null ? null : Arrays.stream(Category.values())
                        .filter(c -> c.wireName().equals(category)).findFirst().orElse(null),
                priority == null ? null : Priority.valueOf(priority), rs.getBoolean("major"),
                (Integer) rs.getObject("ehs_level", Integer.class), rs.getString("team"), instant(rs, "reported_at"),
                instant(rs, "detected_at"), instant(rs, "classified_at"), instant(rs, "done_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
