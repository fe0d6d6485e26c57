package dev.incidentloop.incident.search;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Priority;
import dev.incidentloop.incident.lifecycle.IncidentState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads {@code incident_summary}: filters combine with AND; text matches title or description. */
@Repository
public class IncidentSearch {

    public record Filter(IncidentState state, Category category, Priority priority, String group, String assignee,
                         String text) {
    }

    public record Page(List<IncidentSummary> items, int page, int size, long total) {
    }

    private final JdbcTemplate jdbc;

    IncidentSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Page search(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        condition(where, args, "state = ?", filter.state() == null ? null : filter.state().name());
        condition(where, args, "category = ?", filter.category() == null ? null : filter.category().wireName());
        condition(where, args, "priority = ?", filter.priority() == null ? null : filter.priority().name());
        condition(where, args, "assignment_group = ?", filter.group());
        condition(where, args, "assignee = ?", filter.assignee());
        if (filter.text() != null && !filter.text().isBlank()) {
            String like = "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where.append(" and (title ilike ? or description ilike ?)");
            args.add(like);
            args.add(like);
        }
        Long total = jdbc.queryForObject("select count(*) from incident_summary" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<IncidentSummary> items = jdbc.query("select * from incident_summary" + where
                + " order by reported_at desc, incident_id limit ? offset ?", IncidentSearch::map, pageArgs.toArray());
        return new Page(items, page, size, total == null ? 0 : total);
    }

    private static void condition(StringBuilder where, List<Object> args, String sql, Object value) {
        if (value != null) {
            where.append(" and ").append(sql);
            args.add(value);
        }
    }

    private static IncidentSummary map(ResultSet rs, int row) throws SQLException {
        return new IncidentSummary(rs.getObject("incident_id", UUID.class), rs.getString("title"),
                rs.getString("category"), rs.getString("priority"), rs.getString("state"),
                rs.getString("assignment_group"), rs.getString("assignee"), rs.getString("support_line"),
                rs.getString("reported_by"), instant(rs, "reported_at"), instant(rs, "resolved_at"),
                instant(rs, "updated_at"), rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
