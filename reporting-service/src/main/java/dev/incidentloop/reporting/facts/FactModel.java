package dev.incidentloop.reporting.facts;

import dev.incidentloop.events.Classification;
import dev.incidentloop.events.EventEnvelope;
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
import dev.incidentloop.events.ResolutionConfirmed;
import dev.incidentloop.events.RegulatoryDeadlineMissed;
import dev.incidentloop.events.SlaBreached;
import dev.incidentloop.events.SlaClockPaused;
import dev.incidentloop.events.SlaClockStopped;
import dev.incidentloop.events.SlaClock;
import dev.incidentloop.events.SlaDeadlineSet;
import dev.incidentloop.events.SupportLine;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How an event changes the read model: one row per incident in {@code incident_fact}, and the event's id recorded
 * in {@code processed_event} in the same transaction, so that a redelivered event changes nothing. Every write is an
 * upsert: the incident and escalation topics have no order between them, so a deadline may arrive before the report
 * it belongs to. Within the incident topic an incident's events arrive in order. The same code fills the live tables
 * and, during a replay, fresh ones.
 */
@Component
public class FactModel {

    /** The two tables of one copy of the read model. */
    public record Tables(String facts, String processed) {
        public static final Tables LIVE = new Tables("incident_fact", "processed_event");
        public static final Tables REBUILD = new Tables("incident_fact_rebuild", "processed_event_rebuild");
    }

    private final JdbcTemplate jdbc;

    FactModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(EventEnvelope envelope, Tables tables) {
        int first = jdbc.update("insert into " + tables.processed() + " (event_id) values (?) on conflict do nothing",
                envelope.id());
        if (first == 0) {
            return;
        }
        Upsert row = new Upsert(tables, envelope.incidentId());
        switch (envelope.data()) {
            case IncidentReported e -> row.set("category", e.category().wireName())
                    .set("reported_at", ts(e.occurredAt()))
                    .first("support_line", SupportLine.FIRST.wireName()); // the service desk owns a new incident
            case IncidentClassified e -> row.set("category", e.category().wireName())
                    .set("priority", e.priority().name()).set("grade", grade(e.classification()));
            case IncidentReclassified e -> row.set("category", e.category().wireName())
                    .set("priority", e.priority().name()).set("grade", grade(e.classification()));
            case IncidentAssigned e -> row.set("team", e.assignmentGroup())
                    .set("support_line", e.supportLine().wireName())
                    .set("reassignment_count", e.reassignments());
            case IncidentAcknowledged e -> row.first("first_acknowledged_at", ts(e.occurredAt()));
            case IncidentResolved e -> row.first("first_resolved_at", ts(e.occurredAt()))
                    .set("last_resolved_at", ts(e.occurredAt()))
                    .setExpression("resolved_line", "coalesce(excluded.resolved_line, s.support_line)",
                            e.supportLine() == null ? null : e.supportLine().wireName());
            case IncidentReopened e -> row.set("last_reopened_at", ts(e.occurredAt()))
                    .set("reopen_count", e.reopenCount());
            case ResolutionConfirmed e -> row.set("satisfaction", e.satisfaction());
            case IncidentClosed e -> row.set("closed_at", ts(e.occurredAt()));
            case IncidentCanceled e -> row.set("canceled_at", ts(e.occurredAt()));
            case IncidentEscalated e -> {
                if (e.repeat() > 0) {
                    return; // a reminder of a level already counted
                }
                row.setExpression("escalation_count", "s.escalation_count + 1", 1);
            }
            case SlaDeadlineSet e -> deadline(row, e);
            case SlaBreached e -> row.set(prefix(e.clock()) + "_breached", true);
            case SlaClockPaused e -> row.set(prefix(e.clock()) + "_paused", true);
            case SlaClockStopped e -> row.set(prefix(e.clock()) + "_met", e.met())
                    .set(prefix(e.clock()) + "_paused", false);
            case RegulatoryDeadlineMissed e -> row.setExpression("regulatory_missed", "s.regulatory_missed + 1", 1);
            default -> {
                return; // work notes, links, holds and repeats change no figure
            }
        }
        row.execute();
    }

    /** The deadline with the latest decision time holds, whichever order the deadlines arrive in. */
    private static void deadline(Upsert row, SlaDeadlineSet e) {
        String p = prefix(e.clock());
        String newer = "excluded." + p + "_deadline_set_at >= coalesce(s." + p + "_deadline_set_at, excluded."
                + p + "_deadline_set_at)";
        row.setExpression(p + "_target_seconds", "case when " + newer + " then excluded." + p
                        + "_target_seconds else s." + p + "_target_seconds end", e.target().toSeconds())
                .setExpression(p + "_due_at", "case when " + newer + " then excluded." + p + "_due_at else s." + p
                        + "_due_at end", ts(e.dueAt()))
                .setExpression(p + "_paused", "case when " + newer + " then false else s." + p + "_paused end",
                        false)
                .setExpression(p + "_deadline_set_at", "greatest(s." + p + "_deadline_set_at, excluded." + p
                        + "_deadline_set_at)", ts(e.occurredAt()));
    }

    private static String prefix(SlaClock clock) {
        return clock.wireName();
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

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    /** One insert-or-update of an incident's row, built column by column. */
    private final class Upsert {
        private final Tables tables;
        private final StringBuilder columns = new StringBuilder("incident_id");
        private final StringBuilder updates = new StringBuilder();
        private final java.util.List<Object> values = new java.util.ArrayList<>();

        Upsert(Tables tables, UUID incidentId) {
            this.tables = tables;
            values.add(incidentId);
        }

        Upsert set(String column, Object value) {
            return setExpression(column, "excluded." + column, value);
        }

        /** Keeps the earliest value: the first acknowledgement, the first resolution. */
        Upsert first(String column, Object value) {
            return setExpression(column, "coalesce(s." + column + ", excluded." + column + ")", value);
        }

        Upsert setExpression(String column, String onConflict, Object value) {
            columns.append(", ").append(column);
            updates.append(updates.isEmpty() ? "" : ", ").append(column).append(" = ").append(onConflict);
            values.add(value);
            return this;
        }

        void execute() {
            jdbc.update("insert into " + tables.facts() + " as s (" + columns + ") values (?"
                    + ", ?".repeat(values.size() - 1) + ") on conflict (incident_id) do update set " + updates,
                    values.toArray());
        }
    }
}
