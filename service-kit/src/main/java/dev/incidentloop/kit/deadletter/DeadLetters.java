package dev.incidentloop.kit.deadletter;

import dev.incidentloop.events.TopicSpec;
import dev.incidentloop.kit.kafka.KafkaWiring;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * This service's dead letters: the records it parked on {@code <topic>.<service>.dlt}, read from the broker, and
 * processed again on an admin's word by the {@link DeadLetterHandler} of their topic. A record processed again is
 * noted ({@code dead_letter_redrive}), listed as such and not taken twice; one that still fails stays as it was.
 * Blocking: call off Netty threads.
 */
public class DeadLetters {

    /** How much of a record's value a listing shows. */
    static final int FIRST_BYTES = 200;

    /**
     * A parked record.
     *
     * @param firstBytes the first {@value #FIRST_BYTES} bytes of its value as UTF-8 text, the whole of it if shorter
     * @param redrivenAt when it was processed again; null if it was not
     */
    public record DeadLetter(String deadLetterTopic, int partition, long offset, String topic, Integer topicPartition,
                             Long topicOffset, String key, String reason, Instant deadLetteredAt, int size,
                             String firstBytes, Instant redrivenAt, String redrivenBy) {
    }

    /** What a redrive of a whole dead-letter topic did: the records processed again, and those that still fail. */
    public record Redriven(List<DeadLetter> redriven, List<Failure> failed) {
    }

    public record Failure(int partition, long offset, String reason) {
    }

    /** The record is not there, or not of this service. */
    public static class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    /** The record was processed again before, or no handler takes its topic. */
    public static class NotRedrivable extends RuntimeException {
        NotRedrivable(String message) {
            super(message);
        }
    }

    /** Processing it again failed; it stays parked. */
    public static class StillFailing extends RuntimeException {
        StillFailing(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final KafkaProperties kafka;
    private final String group;
    private final Map<String, TopicSpec> deadLetterTopics = new LinkedHashMap<>();
    private final Map<String, DeadLetterHandler> handlers = new HashMap<>();
    private final JdbcTemplate jdbc;

    public DeadLetters(KafkaProperties kafka, String group, List<TopicSpec> consumed, List<DeadLetterHandler> handlers,
                       JdbcTemplate jdbc) {
        this.kafka = kafka;
        this.group = group;
        consumed.forEach(topic -> deadLetterTopics.put(topic.deadLetter(group), topic));
        handlers.forEach(handler -> handler.topics().forEach(topic -> this.handlers.put(topic.name(), handler)));
        this.jdbc = jdbc;
    }

    /** This service's dead-letter topics. */
    public List<String> topics() {
        return List.copyOf(deadLetterTopics.keySet());
    }

    /** The last {@code limit} records of one dead-letter topic of this service, or of each, oldest first. */
    public List<DeadLetter> list(String deadLetterTopic, int limit) {
        List<String> topics = deadLetterTopic == null ? topics() : List.of(known(deadLetterTopic));
        List<DeadLetter> letters = new ArrayList<>();
        try (var consumer = consumer()) {
            for (String topic : topics) {
                List<ConsumerRecord<String, byte[]>> records = readAll(consumer, topic);
                Map<Long, Redrive> redriven = redriven(topic);
                records.subList(Math.max(0, records.size() - limit), records.size())
                        .forEach(record -> letters.add(letter(record, redriven)));
            }
        }
        return letters;
    }

    /** Processes one parked record again. */
    public DeadLetter redrive(String deadLetterTopic, int partition, long offset, String by) {
        known(deadLetterTopic);
        ConsumerRecord<String, byte[]> record;
        try (var consumer = consumer()) {
            record = read(consumer, new TopicPartition(deadLetterTopic, partition), offset)
                    .orElseThrow(() -> new NotFound("no record at offset " + offset + " of partition " + partition
                            + " of " + deadLetterTopic));
        }
        DeadLetter letter = letter(record, redriven(deadLetterTopic));
        if (letter.redrivenAt() != null) {
            throw new NotRedrivable("offset " + offset + " of " + deadLetterTopic + " was processed again at "
                    + letter.redrivenAt() + " by " + letter.redrivenBy());
        }
        return process(record, letter, by);
    }

    /** Processes again every record of a dead-letter topic not processed again yet, in their order. */
    public Redriven redriveAll(String deadLetterTopic, String by) {
        known(deadLetterTopic);
        List<ConsumerRecord<String, byte[]>> records;
        try (var consumer = consumer()) {
            records = readAll(consumer, deadLetterTopic);
        }
        Map<Long, Redrive> before = redriven(deadLetterTopic);
        List<DeadLetter> redriven = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            DeadLetter letter = letter(record, before);
            if (letter.redrivenAt() != null) {
                continue;
            }
            try {
                redriven.add(process(record, letter, by));
            } catch (StillFailing | NotRedrivable failure) {
                failed.add(new Failure(record.partition(), record.offset(), failure.getMessage()));
            }
        }
        return new Redriven(redriven, failed);
    }

    private DeadLetter process(ConsumerRecord<String, byte[]> record, DeadLetter letter, String by) {
        DeadLetterHandler handler = handlers.get(letter.topic());
        if (handler == null) {
            throw new NotRedrivable("this service has no way to process records of " + letter.topic() + " again");
        }
        var original = new ConsumerRecord<>(letter.topic(),
                letter.topicPartition() == null ? -1 : letter.topicPartition(),
                letter.topicOffset() == null ? -1 : letter.topicOffset(), record.key(), record.value());
        try {
            handler.process().process(original);
        } catch (Exception failure) {
            Throwable cause = failure;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new StillFailing("offset " + record.offset() + " of " + record.topic() + " still fails: "
                    + cause.getClass().getSimpleName() + ": " + cause.getMessage(), failure);
        }
        jdbc.update("""
                insert into dead_letter_redrive (dead_letter_topic, dead_letter_partition, dead_letter_offset,
                                                 redriven_by)
                values (?, ?, ?, ?) on conflict do nothing""", record.topic(), record.partition(), record.offset(), by);
        return letter(record, redriven(record.topic()));
    }

    /** When and by whom a record was processed again. */
    private record Redrive(Instant at, String by) {
    }

    /**
     * The records of a dead-letter topic processed again, by offset (a dead-letter topic has one partition; the key
     * folds the partition in should it have more).
     */
    private Map<Long, Redrive> redriven(String deadLetterTopic) {
        Map<Long, Redrive> redriven = new HashMap<>();
        jdbc.query("""
                select dead_letter_partition, dead_letter_offset, redriven_at, redriven_by from dead_letter_redrive
                where dead_letter_topic = ?""", rs -> {
            redriven.put(key(rs.getInt(1), rs.getLong(2)), new Redrive(rs.getTimestamp(3).toInstant(),
                    rs.getString(4)));
        }, deadLetterTopic);
        return redriven;
    }

    private static long key(int partition, long offset) {
        return ((long) partition << 48) | offset;
    }

    private String known(String deadLetterTopic) {
        if (!deadLetterTopics.containsKey(deadLetterTopic)) {
            throw new NotFound(deadLetterTopic + " is not a dead-letter topic of " + group + "; this service's are "
                    + topics());
        }
        return deadLetterTopic;
    }

    private DeadLetter letter(ConsumerRecord<String, byte[]> record, Map<Long, Redrive> redriven) {
        byte[] value = record.value() == null ? new byte[0] : record.value();
        String first = new String(value, 0, Math.min(value.length, FIRST_BYTES), StandardCharsets.UTF_8);
        Redrive redrive = redriven.get(key(record.partition(), record.offset()));
        String topic = text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC)
                .orElse(deadLetterTopics.get(record.topic()).name());
        return new DeadLetter(record.topic(), record.partition(), record.offset(), topic,
                bytes(record, KafkaHeaders.DLT_ORIGINAL_PARTITION).map(b -> ByteBuffer.wrap(b).getInt()).orElse(null),
                bytes(record, KafkaHeaders.DLT_ORIGINAL_OFFSET).map(b -> ByteBuffer.wrap(b).getLong()).orElse(null),
                record.key(), text(record, KafkaWiring.REASON_HEADER).orElse(null),
                Instant.ofEpochMilli(record.timestamp()), value.length, first,
                redrive == null ? null : redrive.at(), redrive == null ? null : redrive.by());
    }

    private static Optional<byte[]> bytes(ConsumerRecord<?, ?> record, String header) {
        Header last = record.headers().lastHeader(header);
        return Optional.ofNullable(last).map(Header::value);
    }

    private static Optional<String> text(ConsumerRecord<?, ?> record, String header) {
        return bytes(record, header).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(KafkaConsumer<String, byte[]> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(30);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("could not read " + topic + " to its end within 30 s");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    records.add(record);
                }
            });
        }
        return records;
    }

    private static Optional<ConsumerRecord<String, byte[]>> read(KafkaConsumer<String, byte[]> consumer,
                                                                 TopicPartition partition, long offset) {
        consumer.assign(List.of(partition));
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        long begin = consumer.beginningOffsets(List.of(partition)).get(partition);
        if (offset < begin || offset >= end) {
            return Optional.empty();
        }
        consumer.seek(partition, offset);
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            for (var record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() == offset) {
                    return Optional.of(record);
                }
            }
        }
        throw new IllegalStateException("could not read offset " + offset + " of " + partition + " within 30 s");
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-dead-letters");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
