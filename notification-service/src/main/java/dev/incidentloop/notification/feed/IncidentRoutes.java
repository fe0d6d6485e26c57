package dev.incidentloop.notification.feed;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What the feeds and the webhook filters know of each incident, kept from its events. */
@Repository
public class IncidentRoutes {

    /** An incident's title, category, priority, team (assignment group) and assignee, each null until known. */
    public record Route(UUID incidentId, String title, String category, String priority, String team,
                        String assignee) {
    }

    private final JdbcTemplate jdbc;

    IncidentRoutes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Route> find(UUID incidentId) {
        return jdbc.query("select * from incident_route where incident_id = ?", (rs, row) -> new Route(
                        rs.getObject("incident_id", UUID.class), rs.getString("title"), rs.getString("category"),
                        rs.getString("priority"), rs.getString("team"), rs.getString("assignee")), incidentId)
                .stream().findFirst();
    }

    void reported(UUID incidentId, String title, String category) {
        jdbc.update("""
                insert into incident_route (incident_id, title, category) values (?, ?, ?)
                on conflict (incident_id) do update set title = excluded.title, category = excluded.category""",
                incidentId, title, category);
    }

    void classified(UUID incidentId, String category, String priority) {
        jdbc.update("""
                insert into incident_route (incident_id, category, priority) values (?, ?, ?)
                on conflict (incident_id) do update set category = excluded.category, priority = excluded.priority""",
                incidentId, category, priority);
    }

    void assigned(UUID incidentId, String team, String assignee) {
        jdbc.update("""
                insert into incident_route (incident_id, team, assignee) values (?, ?, ?)
                on conflict (incident_id) do update set team = excluded.team, assignee = excluded.assignee""",
                incidentId, team, assignee);
    }
}
