package dev.incidentloop.reporting.sla;

import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentClosed;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.events.IncidentReclassified;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How an event changes the read model: one row per incident in {@code incident_sla}, and the event's id recorded in
 * {@code processed_event} in the same transaction, so that a redelivered event changes nothing. Every write is an
 * upsert: the two topics have no order between them, so an escalation may arrive before the report it belongs to.
 * The same code fills the live tables and, during a replay, fresh ones.
 */
@Component
public class SlaModel {

    /** The two tables of one copy of the read model. */
    public record Tables(String sla, String processed) {
        public static final Tables LIVE = new Tables("incident_sla", "processed_event");
        public static final Tables REBUILD = new Tables("incident_sla_rebuild", "processed_event_rebuild");
    }

    private final JdbcTemplate jdbc;

    SlaModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(EventEnvelope envelope, Tables tables) {
        int first = jdbc.update("insert into " + tables.processed() + " (event_id) values (?) on conflict do nothing",
                envelope.id());
        if (first == 0) {
            return;
        }
        switch (envelope.data()) {
            case IncidentReported e -> upsert(tables, e.incidentId(),
                    "category = excluded.category, reported_at = excluded.reported_at",
                    "category, reported_at", e.category().wireName(), ts(e.occurredAt()));
            case IncidentClassified e -> upsert(tables, e.incidentId(),
                    "category = excluded.category, priority = excluded.priority",
                    "category, priority", e.category().wireName(), e.priority().name());
            case IncidentReclassified e -> upsert(tables, e.incidentId(),
                    "category = excluded.category, priority = excluded.priority",
                    "category, priority", e.category().wireName(), e.priority().name());
            case IncidentAcknowledged e -> upsert(tables, e.incidentId(),
                    "acknowledged_at = coalesce(s.acknowledged_at, excluded.acknowledged_at)",
                    "acknowledged_at", ts(e.occurredAt()));
            case IncidentResolved e -> upsert(tables, e.incidentId(), "resolved_at = excluded.resolved_at",
                    "resolved_at", ts(e.occurredAt()));
            case IncidentClosed e -> upsert(tables, e.incidentId(), "closed_at = excluded.closed_at",
                    "closed_at", ts(e.occurredAt()));
            case IncidentEscalated e -> upsert(tables, e.incidentId(), "escalations = s.escalations + 1",
                    "escalations", 1);
            default -> {
                // the other events change none of the figures kept so far
            }
        }
    }

    private void upsert(Tables tables, UUID incidentId, String onConflict, String columns, Object... values) {
        String placeholders = ", ?".repeat(values.length);
        Object[] args = new Object[values.length + 1];
        args[0] = incidentId;
        System.arraycopy(values, 0, args, 1, values.length);
        jdbc.update("insert into " + tables.sla() + " as s (incident_id, " + columns + ") values (?" + placeholders
                + ") on conflict (incident_id) do update set " + onConflict, args);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
