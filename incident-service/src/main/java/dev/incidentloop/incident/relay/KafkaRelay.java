package dev.incidentloop.incident.relay;

import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentEvent;
import dev.incidentloop.events.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes what the event store holds to the incident topic: a streaming processor with a persistent token reads
 * the store in order, a batch at a time. Every record of a batch is sent at once; the batch's unit of work commits,
 * and so advances the token, only after Kafka acknowledged all of them. Nothing reaches Kafka that was not stored;
 * a crash between sending and committing sends the same events (same ids) again, which consumers skip by event id.
 */
@Component
@ProcessingGroup(KafkaRelay.PROCESSING_GROUP)
class KafkaRelay {

    static final String PROCESSING_GROUP = "kafka-relay";
    private static final String SOURCE = "/incident-service";
    private static final String PENDING = KafkaRelay.class.getName() + ".pending";

    private final KafkaTemplate<String, Object> kafka;

    KafkaRelay(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
    }

    @EventHandler
    void on(IncidentEvent event, @MessageIdentifier String eventId, @SequenceNumber Long sequence,
            @Timestamp Instant time) {
        var envelope = new EventEnvelope(UUID.fromString(eventId), SOURCE, time, sequence, event);
        pending().add(kafka.send(Topics.of(event).name(), event.incidentId().toString(), envelope));
    }

    /** The sends of the current batch; waited for before the batch commits. */
    private static List<CompletableFuture<?>> pending() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.root().getOrComputeResource(PENDING, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            unitOfWork.root().onPrepareCommit(u -> awaitAll(sends));
            return sends;
        });
    }

    private static void awaitAll(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Kafka acknowledged the batch", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch; it is sent again", e);
        }
    }
}
