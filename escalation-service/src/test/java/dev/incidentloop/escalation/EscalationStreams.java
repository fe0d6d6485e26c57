package dev.incidentloop.escalation;

import dev.incidentloop.events.DomainEvent;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentEvent;
import dev.incidentloop.events.Topics;
import dev.incidentloop.testsupport.KafkaProbe;
import dev.incidentloop.testsupport.RealInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The two streams as a test sees them: incident events published as incident-service would, and the escalation
 * stream read back, per incident.
 */
public final class EscalationStreams implements AutoCloseable {

    private static final EventCodec CODEC = new EventCodec();

    private final KafkaProbe escalations = new KafkaProbe(RealInfrastructure.kafkaBootstrapServers(),
            Topics.ESCALATION_EVENTS.name());

    /** Publishes the events of one incident in order, each with a fresh id. */
    public static void publish(IncidentEvent... events) {
        List<byte[]> records = new ArrayList<>();
        for (IncidentEvent event : events) {
            records.add(CODEC.encode(new EventEnvelope(UUID.randomUUID(), "/incident-service", event.occurredAt(),
                    0, event)));
        }
        KafkaProbe.sendAll(RealInfrastructure.kafkaBootstrapServers(), Topics.INCIDENT_EVENTS.name(),
                events[0].incidentId().toString(), records);
    }

    /** Publishes one envelope as it is (to redeliver it). */
    public static void publish(EventEnvelope envelope) {
        KafkaProbe.send(RealInfrastructure.kafkaBootstrapServers(), Topics.INCIDENT_EVENTS.name(),
                envelope.incidentId().toString(), CODEC.encode(envelope));
    }

    /** The escalation events of an incident read so far, in order. */
    public List<DomainEvent> of(UUID incident) {
        return envelopes(incident).stream().map(EventEnvelope::data).toList();
    }

    public List<EventEnvelope> envelopes(UUID incident) {
        return escalations.seen(r -> r.key().equals(incident.toString())).stream()
                .map(r -> CODEC.decode(r.value())).toList();
    }

    /** Every escalation event read so far, by incident, each incident's in order. */
    public Map<UUID, List<EventEnvelope>> all() {
        return escalations.seen(r -> true).stream().map(r -> CODEC.decode(r.value()))
                .collect(Collectors.groupingBy(EventEnvelope::incidentId, Collectors.toList()));
    }

    /** The events of an incident of one type. */
    public <T> List<T> of(UUID incident, Class<T> type) {
        return of(incident).stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() {
        escalations.close();
    }
}
