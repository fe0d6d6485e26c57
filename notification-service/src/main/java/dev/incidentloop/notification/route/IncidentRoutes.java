package dev.incidentloop.notification.route;

import dev.incidentloop.events.DomainEvent;
import dev.incidentloop.events.IncidentAssigned;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentReclassified;
import dev.incidentloop.events.IncidentReported;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What the feeds and the webhook filters know of each incident, kept from its events. */
@Repository
public class IncidentRoutes {

    /** An incident's title, category, priority, team (assignment group) and assignee, each null until known. */
    public record Route(UUID incidentId, String title, String category, String priority, String team,
                        String assignee) {

        /** The route of an incident not seen before. */
        public static Route of(UUID incidentId) {
            return new Route(incidentId, null, null, null, null, null);
        }

        /** Whether events of this kind change an incident's route. */
        public static boolean changedBy(DomainEvent event) {
            Route blank = of(null);
            return blank.after(event) != blank;
        }

        /** The route after the event; this one if the event does not change routes. */
        public Route after(DomainEvent event) {
            return switch (event) {
                case IncidentReported e -> new Route(incidentId, e.title(), e.category().wireName(), priority, team,
                        assignee);
                case IncidentClassified e -> new Route(incidentId, title, e.category().wireName(),
                        e.priority().name(), team, assignee);
                case IncidentReclassified e -> new Route(incidentId, title, e.category().wireName(),
                        e.priority().name(), team, assignee);
                case IncidentAssigned e -> new Route(incidentId, title, category, priority, e.assignmentGroup(),
                        e.assignee());
                default -> this;
            };
        }
    }

    private final JdbcTemplate jdbc;

    IncidentRoutes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The routes of these incidents that have one, in one query. */
    public Map<UUID, Route> findAll(Collection<UUID> incidentIds) {
        Map<UUID, Route> routes = new HashMap<>();
        if (!incidentIds.isEmpty()) {
            jdbc.query("select * from incident_route where incident_id = any (?)", IncidentRoutes::map,
                    (Object) incidentIds.toArray(UUID[]::new)).forEach(route -> routes.put(route.incidentId(), route));
        }
        return routes;
    }

    /** Stores these routes as they are, in one round trip. */
    public void saveAll(Collection<Route> routes) {
        jdbc.batchUpdate("""
                insert into incident_route (incident_id, title, category, priority, team, assignee)
                values (?, ?, ?, ?, ?, ?)
                on conflict (incident_id) do update set title = excluded.title, category = excluded.category,
                    priority = excluded.priority, team = excluded.team, assignee = excluded.assignee""",
                routes.stream().map(r -> new Object[] {r.incidentId(), r.title(), r.category(), r.priority(),
                        r.team(), r.assignee()}).toList());
    }

    private static Route map(ResultSet rs, int row) throws SQLException {
        return new Route(rs.getObject("incident_id", UUID.class), rs.getString("title"), rs.getString("category"),
                rs.getString("priority"), rs.getString("team"), rs.getString("assignee"));
    }
}
