package dev.incidentloop.incident.relay;

import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentEvent;
import dev.incidentloop.events.Topics;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes what the event store holds to the incident topic: a streaming processor with a persistent token reads
 * the store in order and advances its token only after Kafka acknowledged the record. Nothing reaches Kafka that
 * was not stored; a crash between send and token update sends the same event (same id) again, which consumers
 * skip by event id.
 */
@Component
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
class KafkaRelay {

    static final String PROCESSING_GROUP = "kafka-relay";
    private static final String SOURCE = "/incident-service";

    private final KafkaTemplate<String, Object> kafka;

    KafkaRelay(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
    }

    @EventHandler
    void on(IncidentEvent event, @MessageIdentifier String eventId, @SequenceNumber Long sequence,
            @Timestamp Instant time) throws InterruptedException, ExecutionException, TimeoutException {
        var envelope = new EventEnvelope(UUID.fromString(eventId), SOURCE, time, sequence, event);
        kafka.send(Topics.INCIDENT_EVENTS.name(), event.incidentId().toString(), envelope).get(30, TimeUnit.SECONDS);
    }
}
