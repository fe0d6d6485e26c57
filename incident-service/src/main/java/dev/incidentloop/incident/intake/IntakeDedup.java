package dev.incidentloop.incident.intake;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which incident each alert (source, dedup key) opened, whether it is still open, and its repeats: counted here as
 * intake reads them, recorded in the incident's history later ({@link RepeatFolder}). Also how far intake has read
 * each partition. The methods take part in the caller's transaction.
 */
@Repository
class IntakeDedup {

    /** An alert as monitoring systems identify it. */
    record Alert(String source, String dedupKey) {
    }

    /**
     * An alert's row: the incident it opened last, whether that is open, and its repeats not yet recorded there
     * (null if none).
     */
    record Entry(UUID incidentId, String firstReportId, boolean open, Unfolded unfolded) {
    }

    /** Repeats of an alert counted on its incident and not yet recorded there. */
    record Unfolded(Alert alert, UUID incidentId, long repeats, long folded, Instant lastSeenAt, int lastPartition,
                    long lastOffset) {

        int pending() {
            return Math.toIntExact(repeats - folded);
        }
    }

    /** Repeats of one alert read in one poll. */
    record Count(Alert alert, UUID incidentId, int repeats, Instant lastSeenAt, int lastPartition, long lastOffset) {
    }

    private static final String UNFOLDED = "repeats, repeats_folded, last_seen_at, last_partition, last_offset";

    private final JdbcTemplate jdbc;

    IntakeDedup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows of these alerts that have one, in one query. */
    Map<Alert, Entry> entries(Collection<Alert> alerts) {
        if (alerts.isEmpty()) {
            return Map.of();
        }
        Map<Alert, Entry> entries = new HashMap<>();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (var ps = connection.prepareStatement("select d.source, d.dedup_key, d.incident_id, "
                    + "d.first_report_id, d.open, " + UNFOLDED + " from intake_dedup d "
                    + "join unnest(?::text[], ?::text[]) as a(source, key) "
                    + "on d.source = a.source and d.dedup_key = a.key")) {
                ps.setArray(1, array(connection, "text", alerts.stream().map(Alert::source)));
                ps.setArray(2, array(connection, "text", alerts.stream().map(Alert::dedupKey)));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Alert alert = new Alert(rs.getString(1), rs.getString(2));
                        UUID incident = rs.getObject(3, UUID.class);
                        entries.put(alert, new Entry(incident, rs.getString(4), rs.getBoolean(5),
                                unfolded(alert, incident, rs, 6)));
                    }
                }
            }
            return null;
        });
        return entries;
    }

    /** The alert now belongs to this incident, with no repeats yet; nothing changes if it already did. */
    void opened(String source, String dedupKey, UUID incidentId, String firstReportId) {
        jdbc.update("""
                insert into intake_dedup (source, dedup_key, incident_id, first_report_id, open)
                values (?, ?, ?, ?, true)
                on conflict (source, dedup_key) do update
                set incident_id = excluded.incident_id, first_report_id = excluded.first_report_id, open = true,
                    repeats = 0, repeats_folded = 0, pending_since = null, last_seen_at = null, last_partition = null,
                    last_offset = null
                where intake_dedup.incident_id <> excluded.incident_id""",
                source, dedupKey, incidentId, firstReportId);
    }

    /** Whether the incident is open, kept in step with its events (see {@link IncidentOpenState}). */
    void incidentOpen(UUID incidentId, boolean open) {
        jdbc.update("update intake_dedup set open = ? where incident_id = ? and open <> ?", open, incidentId, open);
    }

    /**
     * Adds the counts to the alerts whose row still names the incident as open, in one statement.
     *
     * @return the alerts counted; an alert left out had its incident resolved, closed or canceled since it was read
     */
    Set<Alert> count(List<Count> counts) {
        if (counts.isEmpty()) {
            return Set.of();
        }
        Set<Alert> counted = new HashSet<>();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (var ps = connection.prepareStatement("""
                    update intake_dedup d set repeats = d.repeats + c.repeats,
                        pending_since = case when d.repeats = d.repeats_folded then c.seen else d.pending_since end,
                        last_seen_at = c.seen, last_partition = c.part, last_offset = c.off
                    from unnest(?::text[], ?::text[], ?::uuid[], ?::int[], ?::timestamptz[], ?::int[], ?::bigint[])
                        as c(source, key, incident, repeats, seen, part, off)
                    where d.source = c.source and d.dedup_key = c.key and d.incident_id = c.incident and d.open
                    returning d.source, d.dedup_key""")) {
                ps.setArray(1, array(connection, "text", counts.stream().map(c -> c.alert().source())));
                ps.setArray(2, array(connection, "text", counts.stream().map(c -> c.alert().dedupKey())));
                ps.setArray(3, array(connection, "uuid", counts.stream().map(Count::incidentId)));
                ps.setArray(4, array(connection, "int4", counts.stream().map(Count::repeats)));
                // as ISO-8601 text, read by PostgreSQL without the session's time zone
                ps.setArray(5, array(connection, "text", counts.stream().map(c -> c.lastSeenAt().toString())));
                ps.setArray(6, array(connection, "int4", counts.stream().map(Count::lastPartition)));
                ps.setArray(7, array(connection, "int8", counts.stream().map(Count::lastOffset)));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counted.add(new Alert(rs.getString(1), rs.getString(2)));
                    }
                }
            }
            return null;
        });
        return counted;
    }

    /**
     * Up to {@code limit} alerts with repeats not yet recorded, those that waited longest first. Reads the table
     * through (see the V4 migration): once per round, not per incident.
     */
    List<Unfolded> unfolded(int limit) {
        return jdbc.query("select source, dedup_key, incident_id, " + UNFOLDED + " from intake_dedup "
                + "where repeats > repeats_folded order by pending_since limit ?", (rs, row) -> {
                    Alert alert = new Alert(rs.getString(1), rs.getString(2));
                    return unfolded(alert, rs.getObject(3, UUID.class), rs, 4);
                }, limit);
    }

    /** The repeats in the columns {@link #UNFOLDED} from {@code column} on; null if all are recorded. */
    private static Unfolded unfolded(Alert alert, UUID incident, ResultSet rs, int column) throws SQLException {
        long repeats = rs.getLong(column);
        long folded = rs.getLong(column + 1);
        return repeats <= folded ? null : new Unfolded(alert, incident, repeats, folded,
                rs.getTimestamp(column + 2).toInstant(), rs.getInt(column + 3), rs.getLong(column + 4));
    }

    /**
     * Notes these repeats recorded. Fails unless every row is still as it was read, so that repeats another
     * instance recorded meanwhile are not recorded twice: the caller's transaction, with the commands that recorded
     * them, is then undone.
     */
    void folded(List<Unfolded> folded) {
        int[] updated = jdbc.batchUpdate("update intake_dedup set repeats_folded = ? "
                        + "where source = ? and dedup_key = ? and incident_id = ? and repeats_folded = ?",
                folded.stream().map(f -> new Object[] {f.repeats(), f.alert().source(), f.alert().dedupKey(),
                        f.incidentId(), f.folded()}).toList());
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                throw new RecordedMeanwhile(folded.get(i).alert());
            }
        }
    }

    /** Another unit of work recorded the repeats of the alert, or the alert moved on to a new incident. */
    static final class RecordedMeanwhile extends RuntimeException {

        RecordedMeanwhile(Alert alert) {
            super("Repeats of " + alert + " were recorded meanwhile");
        }
    }

    /** The next offset to read of each of these partitions, locked until the transaction ends; absent if none. */
    Map<Integer, Long> progress(Collection<Integer> partitions, boolean lock) {
        Map<Integer, Long> next = new HashMap<>();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (var ps = connection.prepareStatement("select intake_partition, next_offset from intake_progress "
                    + "where intake_partition = any(?) order by intake_partition" + (lock ? " for update" : ""))) {
                ps.setArray(1, array(connection, "int4", partitions.stream()));
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        next.put(rs.getInt(1), rs.getLong(2));
                    }
                }
            }
            return null;
        });
        return next;
    }

    /** Records below these offsets are done. */
    void advance(Map<Integer, Long> nextOffsets) {
        jdbc.batchUpdate("""
                insert into intake_progress (intake_partition, next_offset) values (?, ?)
                on conflict (intake_partition) do update
                set next_offset = greatest(intake_progress.next_offset, excluded.next_offset)""",
                nextOffsets.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new Object[] {e.getKey(), e.getValue()}).toList());
    }

    private static java.sql.Array array(Connection connection, String type, java.util.stream.Stream<?> values)
            throws SQLException {
        return connection.createArrayOf(type, values.toArray());
    }
}
