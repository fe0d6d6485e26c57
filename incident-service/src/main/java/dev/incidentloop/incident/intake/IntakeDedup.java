package dev.incidentloop.incident.intake;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Which incident each alert (source, dedup key) opened, and whether it is still open as far as intake knows. */
@Repository
class IntakeDedup {

    record Entry(UUID incidentId, String firstReportId) {
    }

    private final JdbcTemplate jdbc;

    IntakeDedup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Entry> open(String source, String dedupKey) {
        return jdbc.query("select incident_id, first_report_id from intake_dedup "
                                + "where source = ? and dedup_key = ? and open",
                        (rs, row) -> new Entry(rs.getObject(1, UUID.class), rs.getString(2)), source, dedupKey)
                .stream().findFirst();
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
