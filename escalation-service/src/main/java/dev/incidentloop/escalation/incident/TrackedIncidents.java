package dev.incidentloop.escalation.incident;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SecurityKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
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

    public void reported(UUID incidentId, Category category, Instant at) {
        jdbc.update("""
                insert into tracked_incident (incident_id, category, reported_at, category_since) values (?, ?, ?, ?)
                on conflict (incident_id) do update set category = excluded.category,
                    reported_at = excluded.reported_at, category_since = excluded.category_since""",
                incidentId, category.wireName(), Timestamp.from(at), Timestamp.from(at));
    }

    /**
     * A classification as recorded: the incident as it now stands, whether this was its first classification, and
     * whether it was major before.
     */
    public record Classified(TrackedIncident incident, boolean first, boolean wasMajor) {
    }

    /** Records a classification or reclassification. */
    public Classified classified(UUID incidentId, Category category, Priority priority, boolean major, Integer ehsLevel,
                          SecurityKind securityKind, Instant detectedAt, Instant at) {
        return jdbc.query("""
                with before as (select major, classified_at from tracked_incident where incident_id = ?)
                insert into tracked_incident as t (incident_id, category, priority, major, ehs_level, security_kind,
                                                   detected_at, category_since, classified_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (incident_id) do update set category = excluded.category, priority = excluded.priority,
                    major = excluded.major, ehs_level = excluded.ehs_level, security_kind = excluded.security_kind,
                    detected_at = excluded.detected_at,
                    category_since = case when t.category = excluded.category and t.category_since is not null
                                          then t.category_since else excluded.category_since end,
                    classified_at = coalesce(t.classified_at, excluded.classified_at)
                returning *, (select classified_at from before) is null as first,
                          coalesce((select major from before), false) as was_major""",
                (rs, row) -> new Classified(map(rs, row), rs.getBoolean("first"), rs.getBoolean("was_major")),
                incidentId, incidentId, category.wireName(), priority.name(), major, ehsLevel,
                securityKind == null ? null : securityKind.wireName(),
                detectedAt == null ? null : Timestamp.from(detectedAt), Timestamp.from(at), Timestamp.from(at))
                .getFirst();
    }

    public void assigned(UUID incidentId, String team) {
        jdbc.update("""
                insert into tracked_incident (incident_id, team) values (?, ?)
                on conflict (incident_id) do update set team = excluded.team""", incidentId, team);
    }

    public void done(UUID incidentId, Instant at) {
        jdbc.update("""
                insert into tracked_incident as t (incident_id, done_at) values (?, ?)
                on conflict (incident_id) do update set done_at = coalesce(t.done_at, excluded.done_at)""",
                incidentId, Timestamp.from(at));
    }

    public void reopened(UUID incidentId) {
        jdbc.update("update tracked_incident set done_at = null where incident_id = ?", incidentId);
    }

    private static TrackedIncident map(ResultSet rs, int row) throws SQLException {
        String category = rs.getString("category");
        String priority = rs.getString("priority");
        return new TrackedIncident(rs.getObject("incident_id", UUID.class),
                category == null ? null : Arrays.stream(Category.values())
                        .filter(c -> c.wireName().equals(category)).findFirst().orElse(null),
                priority == null ? null : Priority.valueOf(priority), rs.getBoolean("major"),
                (Integer) rs.getObject("ehs_level", Integer.class), securityKind(rs.getString("security_kind")),
                rs.getString("team"), instant(rs, "reported_at"), instant(rs, "detected_at"),
                instant(rs, "category_since"), instant(rs, "classified_at"), instant(rs, "done_at"));
    }

    private static SecurityKind securityKind(String wireName) {
        return wireName == null ? null : Arrays.stream(SecurityKind.values())
                .filter(k -> k.wireName().equals(wireName)).findFirst().orElse(null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
