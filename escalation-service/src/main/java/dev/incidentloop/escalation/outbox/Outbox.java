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
     * @param sequence the event's position in this incident's escalation stream; with the incident id it makes the
     *                 event id, so an event decided twice is still one event
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(EscalationEvent event, long sequence) {
        String name = SOURCE + ":" + event.incidentId() + ":" + sequence;
        UUID eventId = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        var envelope = new EventEnvelope(eventId, SOURCE, event.occurredAt(), sequence, event);
        jdbc.update("insert into outbox (event_id, topic, record_key, payload) values (?, ?, ?, ?) "
                        + "on conflict (event_id) do nothing",
                eventId, Topics.ESCALATION_EVENTS.name(), event.incidentId().toString(), codec.encode(envelope));
    }
}
