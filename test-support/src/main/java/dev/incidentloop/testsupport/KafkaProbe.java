package dev.incidentloop.testsupport;

import static org.awaitility.Awaitility.await;

import dev.incidentloop.kit.kafka.KafkaWiring;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads a topic from its beginning, as a test's own plain Kafka client would, and waits for a record. */
public final class KafkaProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public KafkaProbe(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        await().atMost(Duration.ofSeconds(30)).until(() -> !partitions(topic).isEmpty());
        List<TopicPartition> partitions = partitions(topic);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    private List<TopicPartition> partitions(String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        return infos == null ? List.of() : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    /** Waits until a record matches, and returns it. */
    public ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> matching, Duration atMost) {
        return await().atMost(atMost).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
                    return seen.stream().filter(matching).findFirst();
                }, Optional::isPresent).orElseThrow();
    }

    /** A record on a dead-letter topic: its value and the reason the services' error handler gave, as text. */
    public record Parked(String value, String reason) {
    }

    /** On a dead-letter topic: waits for the record with this key, and returns it as text. */
    public Parked awaitParked(String key, Duration atMost) {
        ConsumerRecord<String, byte[]> parked = awaitRecord(r -> key.equals(r.key()), atMost);
        Header reason = parked.headers().lastHeader(KafkaWiring.REASON_HEADER);
        return new Parked(new String(parked.value(), StandardCharsets.UTF_8),
                reason == null ? null : new String(reason.value(), StandardCharsets.UTF_8));
    }

    /** Every record read so far that matches. */
    public List<ConsumerRecord<String, byte[]>> seen(Predicate<ConsumerRecord<String, byte[]>> matching) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream().filter(matching).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }

    /** Sends a raw record, as another system would. */
    public static void send(String bootstrapServers, String topic, String key, byte[] value) {
        sendAll(bootstrapServers, topic, key, List.of(value));
    }

    /** Sends raw records with one key, in order, and waits until the broker has them all. */
    public static void sendAll(String bootstrapServers, String topic, String key, List<byte[]> values) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (byte[] value : values) {
                sent.add(producer.send(new ProducerRecord<>(topic, key, value)));
            }
            for (var ack : sent) {
                ack.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }
}
