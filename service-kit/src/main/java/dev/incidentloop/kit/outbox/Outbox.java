package dev.incidentloop.kit.outbox;

import dev.incidentloop.events.DomainEvent;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Events a service publishes are first written to its {@code outbox} table, in the transaction that decided them;
 * {@link OutboxRelay} sends them to Kafka. So nothing is decided without being published, nor published without
 * being decided. Each event is numbered within its incident's stream from this service ({@code outbox_stream}); with
 * the source and the incident id the number makes the event id.
 */
public class Outbox {

    private final JdbcTemplate jdbc;
    private final String source;
    private final EventCodec codec = new EventCodec();

    public Outbox(JdbcTemplate jdbc, String source) {
        this.jdbc = jdbc;
        this.source = source;
    }

    /** Adds the event, for the topic of its stream ({@link Topics#of}), in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(DomainEvent event) {
        long sequence = jdbc.queryForObject("""
                insert into outbox_stream as s (incident_id, last_sequence) values (?, 0)
                on conflict (incident_id) do update set last_sequence = s.last_sequence + 1
                returning last_sequence""", Long.class, event.incidentId());
        String name = source + ":" + event.incidentId() + ":" + sequence;
        UUID eventId = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        var envelope = new EventEnvelope(eventId, source, event.occurredAt(), sequence, event);
        jdbc.update("insert into outbox (event_id, topic, record_key, payload) values (?, ?, ?, ?)",
                eventId, Topics.of(event).name(), event.incidentId().toString(), codec.encode(envelope));
    }
}
