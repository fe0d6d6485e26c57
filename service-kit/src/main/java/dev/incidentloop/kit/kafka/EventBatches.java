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
import org.springframework.transaction.support.TransactionOperations;

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

    /**
     * As {@link #process}, with the poll's events applied in one transaction. If that fails, they are applied again
     * one at a time, each in a transaction of its own, until the event at fault: the events before it stand, it is
     * marked as failed (the error handler retries it, then dead-letters it with the reason), and the rest are
     * delivered again. Otherwise the error handler would retry and then dead-letter the whole poll, good events with
     * the bad one. {@code apply} must be idempotent, as every listener is: a redelivered event is applied again.
     */
    public static void applyInTransactions(List<ConsumerRecord<String, EventEnvelope>> records,
                                           TransactionOperations transactions, Consumer<List<EventEnvelope>> apply) {
        process(records, events -> {
            if (events.isEmpty()) {
                return;
            }
            try {
                transactions.executeWithoutResult(status -> apply.accept(events));
            } catch (RuntimeException pollFailed) {
                LOG.info(() -> "A poll of " + events.size() + " events failed (" + pollFailed
                        + "); applying them one at a time");
                for (int i = 0; i < events.size(); i++) {
                    List<EventEnvelope> one = List.of(events.get(i));
                    try {
                        transactions.executeWithoutResult(status -> apply.accept(one));
                    } catch (RuntimeException failed) {
                        throw new BatchListenerFailedException(String.valueOf(failed.getMessage()), failed, i);
                    }
                }
            }
        });
    }

    /** The failure that parks the record at {@code index} of the poll. */
    private static BatchListenerFailedException undecodable(ConsumerRecord<String, EventEnvelope> record, int index) {
        DeserializationException cause = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
        String reason = cause != null ? cause.getMessage() : "record without a value";
        return new BatchListenerFailedException(reason, cause, index);
    }
}
