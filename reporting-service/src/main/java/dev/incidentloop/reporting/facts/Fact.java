package dev.incidentloop.reporting.facts;

import dev.incidentloop.events.Classification;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentAssigned;
import dev.incidentloop.events.IncidentCanceled;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentClosed;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.events.IncidentReclassified;
import dev.incidentloop.events.IncidentReopened;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.RegulatoryDeadlineMissed;
import dev.incidentloop.events.ResolutionConfirmed;
import dev.incidentloop.events.SlaBreached;
import dev.incidentloop.events.SlaClock;
import dev.incidentloop.events.SlaClockPaused;
import dev.incidentloop.events.SlaClockStopped;
import dev.incidentloop.events.SlaDeadlineSet;
import dev.incidentloop.events.SupportLine;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One incident's row of {@code incident_fact}, changed in memory by the incident's events and written back once
 * per batch. The rules tolerate any order between the two topics: a deadline may come before the report it belongs
 * to, so nothing here assumes an earlier event has been seen.
 */
final class Fact {

    /** The columns in the order {@link #read} and {@link #bind} use them. */
    static final String COLUMNS = "incident_id, category, priority, grade, reported_at, first_acknowledged_at, "
            + "first_resolved_at, last_resolved_at, last_reopened_at, closed_at, canceled_at, team, support_line, "
            + "resolved_line, escalation_count, reopen_count, reassignment_count, satisfaction, regulatory_missed, "
            + Clock.columns("response") + ", " + Clock.columns("resolution");

    /** {@code column = ?} for every column but the id, in the order {@link #bind} binds them. */
    static final String ASSIGNMENTS = String.join(", ", java.util.Arrays.stream(COLUMNS.split(",\\s*")).skip(1)
            .map(column -> column + " = ?").toList());

    /** What one of the two SLA clocks is known to have done. */
    static final class Clock {
        Long targetSeconds;
        Instant dueAt;
        Instant deadlineSetAt;
        boolean breached;
        boolean paused;
        Boolean met;

        static String columns(String prefix) {
            return String.join(", ", prefix + "_target_seconds", prefix + "_due_at", prefix + "_deadline_set_at",
                    prefix + "_breached", prefix + "_paused", prefix + "_met");
        }

        /** The deadline decided last holds, whichever order the deadlines arrive in. */
        void deadline(SlaDeadlineSet e) {
            if (deadlineSetAt == null || !e.occurredAt().isBefore(deadlineSetAt)) {
                targetSeconds = e.target().toSeconds();
                dueAt = e.dueAt();
                paused = false;
                deadlineSetAt = e.occurredAt();
            }
        }
    }

    final UUID incidentId;
    String category;
    String priority;
    String grade;
    Instant reportedAt;
    Instant firstAcknowledgedAt;
    Instant firstResolvedAt;
    Instant lastResolvedAt;
    Instant lastReopenedAt;
    Instant closedAt;
    Instant canceledAt;
    String team;
    String supportLine;
    String resolvedLine;
    int escalationCount;
    int reopenCount;
    int reassignmentCount;
    Integer satisfaction;
    int regulatoryMissed;
    final Clock response = new Clock();
    final Clock resolution = new Clock();

    Fact(UUID incidentId) {
        this.incidentId = incidentId;
    }

    /** Whether an event changes any figure; that does not depend on what is known of the incident. */
    static boolean changesFigures(Object event) {
        return new Fact(null).apply(event);
    }

    /** Applies one event; returns whether it changed a figure (work notes, links, holds and repeats do not). */
    boolean apply(Object event) {
        switch (event) {
            case IncidentReported e -> {
                category = e.category().wireName();
                reportedAt = e.occurredAt();
                if (supportLine == null) {
                    supportLine = SupportLine.FIRST.wireName(); // the service desk owns a new incident
                }
            }
            case IncidentClassified e -> classify(e.category().wireName(), e.priority().name(), e.classification());
            case IncidentReclassified e -> classify(e.category().wireName(), e.priority().name(), e.classification());
            case IncidentAssigned e -> {
                team = e.assignmentGroup();
                supportLine = e.supportLine().wireName();
                reassignmentCount = e.reassignments();
            }
            case IncidentAcknowledged e -> firstAcknowledgedAt = first(firstAcknowledgedAt, e.occurredAt());
            case IncidentResolved e -> {
                firstResolvedAt = first(firstResolvedAt, e.occurredAt());
                lastResolvedAt = e.occurredAt();
                // the line that resolved it: as the event says, else the line that held it
                resolvedLine = e.supportLine() != null ? e.supportLine().wireName() : supportLine;
            }
            case IncidentReopened e -> {
                lastReopenedAt = e.occurredAt();
                reopenCount = e.reopenCount();
            }
            case ResolutionConfirmed e -> satisfaction = e.satisfaction();
            case IncidentClosed e -> closedAt = e.occurredAt();
            case IncidentCanceled e -> canceledAt = e.occurredAt();
            case IncidentEscalated e -> {
                if (e.repeat() > 0) {
                    return false; // a reminder of a level already counted
                }
                escalationCount++;
            }
            case SlaDeadlineSet e -> clock(e.clock()).deadline(e);
            case SlaBreached e -> clock(e.clock()).breached = true;
            case SlaClockPaused e -> clock(e.clock()).paused = true;
            case SlaClockStopped e -> {
                clock(e.clock()).met = e.met();
                clock(e.clock()).paused = false;
            }
            case RegulatoryDeadlineMissed e -> regulatoryMissed++;
            default -> {
                return false;
            }
        }
        return true;
    }

    private void classify(String category, String priority, Classification classification) {
        this.category = category;
        this.priority = priority;
        this.grade = grade(classification);
    }

    private Clock clock(SlaClock clock) {
        return clock == SlaClock.RESPONSE ? response : resolution;
    }

    private static Instant first(Instant known, Instant now) {
        return known != null ? known : now;
    }

    /** The grade or level a category's rules give, as DOMAIN.md names it; null where the category has none. */
    static String grade(Classification classification) {
        return switch (classification) {
            case Classification.HseAccident c -> c.grade().wireName();
            case Classification.EhsRecordable c -> "level-" + c.level();
            case Classification.InformationSecurity c -> c.major() ? "major" : "severity-" + c.severity();
            case Classification.ItService c -> null;
            case Classification.Emergency c -> c.emergencyKind().wireName();
        };
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
    void bind(PreparedStatement ps) throws SQLException {
        ps.setString(1, category);
        ps.setString(2, priority);
        ps.setString(3, grade);
        setInstant(ps, 4, reportedAt);
        setInstant(ps, 5, firstAcknowledgedAt);
        setInstant(ps, 6, firstResolvedAt);
        setInstant(ps, 7, lastResolvedAt);
        setInstant(ps, 8, lastReopenedAt);
        setInstant(ps, 9, closedAt);
        setInstant(ps, 10, canceledAt);
        ps.setString(11, team);
        ps.setString(12, supportLine);
        ps.setString(13, resolvedLine);
        ps.setInt(14, escalationCount);
        ps.setInt(15, reopenCount);
        ps.setInt(16, reassignmentCount);
        ps.setObject(17, satisfaction, Types.SMALLINT);
        ps.setInt(18, regulatoryMissed);
        bindClock(ps, 19, response);
        bindClock(ps, 25, resolution);
        ps.setObject(31, incidentId);
    }

    /**
     * Appends the row as a line of COPY's text format, the columns in {@link #COLUMNS} order: instants in UTC to the
     * microsecond, rounded as the driver rounds a bound timestamp (half up), so that a row copied equals one written by
     * {@link #bind}.
     */
    void copyRow(StringBuilder line) {
        line.append(incidentId);
        copyText(line, category);
        copyText(line, priority);
        copyText(line, grade);
        copyInstant(line, reportedAt);
        copyInstant(line, firstAcknowledgedAt);
        copyInstant(line, firstResolvedAt);
        copyInstant(line, lastResolvedAt);
        copyInstant(line, lastReopenedAt);
        copyInstant(line, closedAt);
        copyInstant(line, canceledAt);
        copyText(line, team);
        copyText(line, supportLine);
        copyText(line, resolvedLine);
        line.append('\t').append(escalationCount).append('\t').append(reopenCount).append('\t')
                .append(reassignmentCount);
        copyText(line, satisfaction == null ? null : satisfaction.toString());
        line.append('\t').append(regulatoryMissed);
        copyClock(line, response);
        copyClock(line, resolution);
        line.append('\n');
    }

    private static void copyClock(StringBuilder line, Clock clock) {
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

    private static void readClock(ResultSet rs, int at, Clock clock) throws SQLException {
        clock.targetSeconds = rs.getObject(at, Long.class);
        clock.dueAt = instant(rs, at + 1);
        clock.deadlineSetAt = instant(rs, at + 2);
        clock.breached = rs.getBoolean(at + 3);
        clock.paused = rs.getBoolean(at + 4);
        clock.met = rs.getObject(at + 5, Boolean.class);
    }

    private static void bindClock(PreparedStatement ps, int at, Clock clock) throws SQLException {
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
