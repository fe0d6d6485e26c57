package dev.incidentloop.escalation.outbox;

import dev.incidentloop.events.EscalationEvent;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Events this service publishes are first written here, in the transaction that decided them; {@link OutboxRelay}
 * sends them to Kafka. So an escalation is never decided without being published, nor published without being
 * decided.
 */
@Component
public class Outbox {

    static final String SOURCE = "/escalation-service";

    private final JdbcTemplate jdbc;
    private final EventCodec codec = new EventCodec();

    Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the event as the next one of its incident's escalation stream. The sequence number is taken in the same
     * transaction (the stream's row stays locked until it commits), and with the incident id it makes the event id.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(EscalationEvent event) {
        long sequence = jdbc.queryForObject("""
                insert into escalation_stream as s (incident_id, last_sequence) values (?, 0)
                on conflict (incident_id) do update set last_sequence = s.last_sequence + 1
                returning last_sequence""", Long.class, event.incidentId());
        String name = SOURCE + ":" + event.incidentId() + ":" + sequence;
        UUID eventId = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        var envelope = new EventEnvelope(eventId, SOURCE, event.occurredAt(), sequence, event);
        jdbc.update("insert into outbox (event_id, topic, record_key, payload) values (?, ?, ?, ?)",
                eventId, Topics.ESCALATION_EVENTS.name(), event.incidentId().toString(), codec.encode(envelope));
    }
}
