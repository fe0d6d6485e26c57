package dev.incidentloop.reporting.sla;

import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentClosed;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.IncidentReclassified;
import dev.incidentloop.kit.inbox.ProcessedEvents;
import dev.incidentloop.kit.kafka.KafkaWiring;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects incident and escalation events into one row per incident. The event id is recorded in the same
 * transaction, so a redelivered event changes nothing. Every write is an upsert: the two topics have no order
 * between them, so an escalation may arrive before the report it belongs to.
 */
@Component
class SlaProjection {

    private final JdbcTemplate jdbc;
    private final ProcessedEvents processed;

    SlaProjection(JdbcTemplate jdbc, ProcessedEvents processed) {
        this.jdbc = jdbc;
        this.processed = processed;
    }

    @KafkaListener(topics = {"#{T(dev.incidentloop.events.Topics).INCIDENT_EVENTS.name()}",
            "#{T(dev.incidentloop.events.Topics).ESCALATION_EVENTS.name()}"},
            containerFactory = KafkaWiring.EVENT_LISTENER_FACTORY)
    @Transactional
    void on(EventEnvelope envelope) {
        if (!processed.firstDelivery(envelope.id())) {
            return;
        }
        switch (envelope.data()) {
            case IncidentReported e -> upsert(e.incidentId(),
                    "category = excluded.category, reported_at = excluded.reported_at",
                    "category, reported_at", e.category().wireName(), ts(e.occurredAt()));
            case IncidentClassified e -> upsert(e.incidentId(),
                    "category = excluded.category, priority = excluded.priority",
                    "category, priority", e.category().wireName(), e.priority().name());
            case IncidentReclassified e -> upsert(e.incidentId(),
                    "category = excluded.category, priority = excluded.priority",
                    "category, priority", e.category().wireName(), e.priority().name());
            case IncidentAcknowledged e -> upsert(e.incidentId(),
                    "acknowledged_at = coalesce(incident_sla.acknowledged_at, excluded.acknowledged_at)",
                    "acknowledged_at", ts(e.occurredAt()));
            case IncidentResolved e -> upsert(e.incidentId(), "resolved_at = excluded.resolved_at",
                    "resolved_at", ts(e.occurredAt()));
            case IncidentClosed e -> upsert(e.incidentId(), "closed_at = excluded.closed_at",
                    "closed_at", ts(e.occurredAt()));
            case IncidentEscalated e -> upsert(e.incidentId(), "escalations = incident_sla.escalations + 1",
                    "escalations", 1);
            default -> {
                // the other events change none of the figures kept so far
            }
        }
    }

    private void upsert(UUID incidentId, String onConflict, String columns, Object... values) {
        String placeholders = ", ?".repeat(values.length);
        Object[] args = new Object[values.length + 1];
        args[0] = incidentId;
        System.arraycopy(values, 0, args, 1, values.length);
        jdbc.update("insert into incident_sla (incident_id, " + columns + ") values (?" + placeholders + ") "
                + "on conflict (incident_id) do update set " + onConflict, args);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
