package dev.incidentloop.incident.intake;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Which incident each alert (source, dedup key) opened, and whether it is still open as far as intake knows. */
@Repository
class IntakeDedup {

    /** An alert as monitoring systems identify it. */
    record Alert(String source, String dedupKey) {
    }

    record Entry(UUID incidentId, String firstReportId) {
    }

    private final JdbcTemplate jdbc;

    IntakeDedup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The open entries of these alerts, in one query. */
    Map<Alert, Entry> open(Collection<Alert> alerts) {
        if (alerts.isEmpty()) {
            return Map.of();
        }
        String[] sources = alerts.stream().map(Alert::source).toArray(String[]::new);
        String[] keys = alerts.stream().map(Alert::dedupKey).toArray(String[]::new);
        Map<Alert, Entry> open = new HashMap<>();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (var ps = connection.prepareStatement("select d.source, d.dedup_key, d.incident_id, "
                    + "d.first_report_id from intake_dedup d join unnest(?::text[], ?::text[]) as a(source, key) "
                    + "on d.source = a.source and d.dedup_key = a.key where d.open")) {
                ps.setArray(1, connection.createArrayOf("text", sources));
                ps.setArray(2, connection.createArrayOf("text", keys));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        open.put(new Alert(rs.getString(1), rs.getString(2)),
                                new Entry(rs.getObject(3, UUID.class), rs.getString(4)));
                    }
                }
            }
            return null;
        });
        return open;
    }

    void opened(String source, String dedupKey, UUID incidentId, String firstReportId) {
        jdbc.update("""
                insert into intake_dedup (source, dedup_key, incident_id, first_report_id, open)
                values (?, ?, ?, ?, true)
                on conflict (source, dedup_key) do update
                set incident_id = excluded.incident_id, first_report_id = excluded.first_report_id, open = true""",
                source, dedupKey, incidentId, firstReportId);
    }

    void closed(String source, String dedupKey, UUID incidentId) {
        jdbc.update("update intake_dedup set open = false where source = ? and dedup_key = ? and incident_id = ?",
                source, dedupKey, incidentId);
    }
}
