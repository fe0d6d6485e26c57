package dev.incidentloop.kit.kafka;

import dev.incidentloop.events.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/** Helpers for listeners on {@link KafkaWiring#EVENT_BATCH_LISTENER_FACTORY}. */
public final class EventBatches {

    private static final LogAccessor LOG = new LogAccessor(EventBatches.class);

    private EventBatches() {
    }

    /**
     * Hands the poll's events to {@code process} up to the first record that could not be decoded, then marks that
     * record as failed: the error handler dead-letters it and delivers the rest again.
     */
    public static void process(List<ConsumerRecord<String, EventEnvelope>> records,
                               Consumer<List<EventEnvelope>> process) {
        List<EventEnvelope> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, EventEnvelope> record = records.get(i);
            if (record.value() == null) {
                process.accept(events);
                throw undecodable(record, i);
            }
            events.add(record.value());
        }
        process.accept(events);
    }

    /** The failure that parks the record at {@code index} of the poll. */
    private static BatchListenerFailedException undecodable(ConsumerRecord<String, EventEnvelope> record, int index) {
        DeserializationException cause = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
        String reason = cause != null ? cause.getMessage() : "record without a value";
        return new BatchListenerFailedException(reason, cause, index);
    }
}
