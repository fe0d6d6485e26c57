package dev.incidentloop.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the same broker does with records of the intake's size when nothing but Kafka clients touch them. */
final class RawKafka {

    record Result(int records, int recordBytes, double producedPerSecond, double consumedPerSecond) {
    }

    private RawKafka() {
    }

    /**
     * Creates a topic for the raw measurements and waits until each of its partitions has a leader. Producing to a
     * topic whose leaders are still being elected is answered NOT_LEADER_OR_FOLLOWER; an idempotent producer's retry
     * after that was once refused as out of sequence for good, which hung a run.
     */
    static String createTopic(String bootstrap) throws Exception {
        String topic = "bench.raw." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                    .allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no leader for every partition of " + topic + " after 30 s");
                }
                Thread.sleep(50);
            }
        }
        return topic;
    }

    /** Produces {@code records} records to the topic, then consumes them from where they start. */
    static Result run(String bootstrap, String topic, int records, byte[] value) throws Exception {
        Map<TopicPartition, Long> start;
        try (var consumer = consumer(bootstrap)) {
            start = consumer.endOffsets(partitions(consumer, topic));
        }
        double produceSeconds = publish(bootstrap, records, "raw produce",
                i -> new ProducerRecord<>(topic, "key-" + (i % 10_000), value));

        Map<TopicPartition, Long> end;
        try (var consumer = consumer(bootstrap)) {
            end = consumer.endOffsets(start.keySet());
        }
        Progress consumed = new Progress("raw consume", records);
        long t1 = System.nanoTime();
        long count = 0;
        // the records end where the partitions end: a fetch need not wait for more (by default the broker holds a
        // fetch of partitions without new records for 500 ms), and a partition read to its end is paused, so that
        // the fetches of the others do not wait on it
        try (var consumer = consumer(bootstrap, Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10))) {
            consumer.assign(start.keySet());
            start.forEach(consumer::seek);
            while (count < records) {
                count += consumer.poll(Duration.ofMillis(200)).count();
                consumer.pause(end.keySet().stream().filter(p -> consumer.position(p) >= end.get(p)).toList());
                consumed.report(count);
            }
        }
        double consumeSeconds = (System.nanoTime() - t1) / 1e9;
        return new Result(records, value.length, records / produceSeconds, records / consumeSeconds);
    }

    /** A consumer of its own group that commits nothing: the benchmark assigns it partitions. */
    static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        return consumer(bootstrap, Map.of());
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap, Map<String, Object> more) {
        Map<String, Object> config = new HashMap<>(more);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    /**
     * Sends {@code records} records as fast as the broker takes them, waiting for acknowledgements every 10,000;
     * returns the seconds from the first send to the last acknowledgement.
     */
    static double publish(String bootstrap, int records, String phase,
                          IntFunction<ProducerRecord<String, byte[]>> record) throws Exception {
        Progress progress = new Progress(phase, records);
        long t0 = System.nanoTime();
        try (var producer = new KafkaProducer<>(producerConfig(bootstrap), new StringSerializer(),
                new ByteArraySerializer())) {
            List<Future<?>> pending = new ArrayList<>();
            for (int i = 0; i < records; i++) {
                pending.add(producer.send(record.apply(i)));
                if (pending.size() == 10_000 || i == records - 1) {
                    for (var ack : pending) {
                        ack.get();
                    }
                    pending.clear();
                    progress.report(i + 1L);
                }
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The same producer settings the services use: idempotent, acks=all, a few milliseconds of linger. */
    static Map<String, Object> producerConfig(String bootstrap) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5);
    }
}
