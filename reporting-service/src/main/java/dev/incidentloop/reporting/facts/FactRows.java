package dev.incidentloop.reporting.facts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;

/** How a {@link Fact} is kept in {@code incident_fact}: its columns, read, bound to a statement or written for COPY. */
final class FactRows {

    /** The columns in the order {@link #read} and {@link #bind} use them. */
    static final String COLUMNS = "incident_id, category, priority, grade, reported_at, first_acknowledged_at, "
            + "first_resolved_at, last_resolved_at, last_reopened_at, closed_at, canceled_at, team, support_line, "
            + "resolved_line, escalation_count, reopen_count, reassignment_count, satisfaction, regulatory_missed, "
            + clockColumns("response") + ", " + clockColumns("resolution");

    /** {@code column = ?} for every column but the id, in the order {@link #bind} binds them. */
    static final String ASSIGNMENTS = String.join(", ", Arrays.stream(COLUMNS.split(",\\s*")).skip(1)
            .map(column -> column + " = ?").toList());

    private static String clockColumns(String prefix) {
        return String.join(", ", prefix + "_target_seconds", prefix + "_due_at", prefix + "_deadline_set_at",
                prefix + "_breached", prefix + "_paused", prefix + "_met");
    }

    private FactRows() {
    }

    static Fact read(ResultSet rs) throws SQLException {
        Fact f = new Fact(rs.getObject(1, UUID.class));
        f.category = rs.getString(2);
        f.priority = rs.getString(3);
        f.grade = rs.getString(4);
        f.reportedAt = instant(rs, 5);
        f.firstAcknowledgedAt = instant(rs, 6);
        f.firstResolvedAt = instant(rs, 7);
        f.lastResolvedAt = instant(rs, 8);
        f.lastReopenedAt = instant(rs, 9);
        f.closedAt = instant(rs, 10);
        f.canceledAt = instant(rs, 11);
        f.team = rs.getString(12);
        f.supportLine = rs.getString(13);
        f.resolvedLine = rs.getString(14);
        f.escalationCount = rs.getInt(15);
        f.reopenCount = rs.getInt(16);
        f.reassignmentCount = rs.getInt(17);
        f.satisfaction = rs.getObject(18, Integer.class);
        f.regulatoryMissed = rs.getInt(19);
        readClock(rs, 20, f.response);
        readClock(rs, 26, f.resolution);
        return f;
    }

    /** Binds every column but the id, then the id last, as the update statement of {@link FactModel} wants. */
    static void bind(Fact fact, PreparedStatement ps) throws SQLException {
        ps.setString(1, fact.category);
        ps.setString(2, fact.priority);
        ps.setString(3, fact.grade);
        setInstant(ps, 4, fact.reportedAt);
        setInstant(ps, 5, fact.firstAcknowledgedAt);
        setInstant(ps, 6, fact.firstResolvedAt);
        setInstant(ps, 7, fact.lastResolvedAt);
        setInstant(ps, 8, fact.lastReopenedAt);
        setInstant(ps, 9, fact.closedAt);
        setInstant(ps, 10, fact.canceledAt);
        ps.setString(11, fact.team);
        ps.setString(12, fact.supportLine);
        ps.setString(13, fact.resolvedLine);
        ps.setInt(14, fact.escalationCount);
        ps.setInt(15, fact.reopenCount);
        ps.setInt(16, fact.reassignmentCount);
        ps.setObject(17, fact.satisfaction, Types.SMALLINT);
        ps.setInt(18, fact.regulatoryMissed);
        bindClock(ps, 19, fact.response);
        bindClock(ps, 25, fact.resolution);
        ps.setObject(31, fact.incidentId);
    }

    /**
     * Appends the row as a line of COPY's text format, the columns in {@link #COLUMNS} order: instants in UTC to the
     * microsecond, rounded as the driver rounds a bound timestamp (half up), so that a row copied equals one written by
     * {@link #bind}.
     */
    static void copyRow(Fact fact, StringBuilder line) {
        line.append(fact.incidentId);
        copyText(line, fact.category);
        copyText(line, fact.priority);
        copyText(line, fact.grade);
        copyInstant(line, fact.reportedAt);
        copyInstant(line, fact.firstAcknowledgedAt);
        copyInstant(line, fact.firstResolvedAt);
        copyInstant(line, fact.lastResolvedAt);
        copyInstant(line, fact.lastReopenedAt);
        copyInstant(line, fact.closedAt);
        copyInstant(line, fact.canceledAt);
        copyText(line, fact.team);
        copyText(line, fact.supportLine);
        copyText(line, fact.resolvedLine);
        line.append('\t').append(fact.escalationCount).append('\t').append(fact.reopenCount).append('\t')
                .append(fact.reassignmentCount);
        copyText(line, fact.satisfaction == null ? null : fact.satisfaction.toString());
        line.append('\t').append(fact.regulatoryMissed);
        copyClock(line, fact.response);
        copyClock(line, fact.resolution);
        line.append('\n');
    }

    private static void copyClock(StringBuilder line, Fact.Clock clock) {
        copyText(line, clock.targetSeconds == null ? null : clock.targetSeconds.toString());
        copyInstant(line, clock.dueAt);
        copyInstant(line, clock.deadlineSetAt);
        line.append('\t').append(clock.breached ? 't' : 'f').append('\t').append(clock.paused ? 't' : 'f');
        copyText(line, clock.met == null ? null : clock.met ? "t" : "f");
    }

    private static void copyInstant(StringBuilder line, Instant value) {
        // rounded here: PostgreSQL would round a longer fraction to even
        copyText(line, value == null ? null : value.plusNanos(500).truncatedTo(ChronoUnit.MICROS).toString());
    }

    /** A tab, then the value with COPY's escapes, or its null marker. */
    private static void copyText(StringBuilder line, String value) {
        line.append('\t');
        if (value == null) {
            line.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> line.append(c);
            }
        }
    }

    private static void readClock(ResultSet rs, int at, Fact.Clock clock) throws SQLException {
        clock.targetSeconds = rs.getObject(at, Long.class);
        clock.dueAt = instant(rs, at + 1);
        clock.deadlineSetAt = instant(rs, at + 2);
        clock.breached = rs.getBoolean(at + 3);
        clock.paused = rs.getBoolean(at + 4);
        clock.met = rs.getObject(at + 5, Boolean.class);
    }

    private static void bindClock(PreparedStatement ps, int at, Fact.Clock clock) throws SQLException {
        ps.setObject(at, clock.targetSeconds, Types.BIGINT);
        setInstant(ps, at + 1, clock.dueAt);
        setInstant(ps, at + 2, clock.deadlineSetAt);
        ps.setBoolean(at + 3, clock.breached);
        ps.setBoolean(at + 4, clock.paused);
        ps.setObject(at + 5, clock.met, Types.BOOLEAN);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    private static void setInstant(PreparedStatement ps, int column, Instant value) throws SQLException {
        ps.setTimestamp(column, value == null ? null : Timestamp.from(value));
    }
}
