package dev.incidentloop.kit.deadletter;

import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.TopicSpec;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * How a service processes again a record it dead-lettered from one of the topics it consumes: given as a bean by the
 * service, used by {@link DeadLetters#redrive}. The record comes as it stood on its topic (same key, value, partition
 * and offset).
 *
 * @param topics  the consumed topics whose dead letters this takes
 * @param process processes the record, or throws why it still cannot
 */
public record DeadLetterHandler(List<TopicSpec> topics, RecordProcessor process) {

    public DeadLetterHandler(TopicSpec topic, RecordProcessor process) {
        this(List.of(topic), process);
    }

    /** Processes one record as the listener would; throws if it cannot. */
    @FunctionalInterface
    public interface RecordProcessor {
        void process(ConsumerRecord<String, byte[]> record) throws Exception;
    }

    /**
     * For a listener of an event stream that takes a poll of decoded records: the record is decoded (a record that is
     * still not an event fails with the reason) and handed over as a poll of one. The listener's idempotency makes a
     * redrive of an event it applied meanwhile change nothing.
     */
    public static DeadLetterHandler events(Consumer<List<ConsumerRecord<String, EventEnvelope>>> listener,
                                           TopicSpec... topics) {
        EventCodec codec = new EventCodec();
        return new DeadLetterHandler(List.of(topics), record -> listener.accept(List.of(new ConsumerRecord<>(record.topic(),
                record.partition(), record.offset(), record.key(), codec.decode(record.value())))));
    }
}
