package dev.incidentloop.gateway.integration;

import dev.incidentloop.events.Topics;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The integrations topic, read whole into the catalogue at start and followed from then on, so that every instance
 * sees every integration without a database. One partition: integrations are few, and one order is simplest. The
 * instance that writes a change answers only once it has read the change back, so its admin sees it at once.
 */
@Context
public final class IntegrationStore {

    private static final Logger log = LoggerFactory.getLogger(IntegrationStore.class);
    private static final Duration READ_BACK = Duration.ofSeconds(10);

    private final String topic;
    private final String bootstrapServers;
    private final short replication;
    private final KafkaProducer<String, byte[]> producer;
    private final IntegrationCatalogue catalogue;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread reader;
    private final Object progress = new Object();
    private long applied = -1;
    private volatile boolean caughtUp;
    private volatile boolean running = true;

    IntegrationStore(@Value("${gateway.integrations.topic}") String topic,
                     @Value("${gateway.kafka.bootstrap-servers}") String bootstrapServers,
                     @Value("${gateway.kafka.replication-factor}") short replication,
                     KafkaProducer<String, byte[]> producer, IntegrationCatalogue catalogue) {
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
        this.replication = replication;
        this.producer = producer;
        this.catalogue = catalogue;
        this.consumer = new KafkaConsumer<>(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                CommonClientConfigs.CLIENT_ID_CONFIG, "intake-gateway-integrations",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.reader = Thread.ofPlatform().name("integrations-reader").daemon().unstarted(this::follow);
        reader.start();
    }

    /** True once every integration that existed at start has been read. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Writes an integration and waits until this instance has read it back. */
    public void put(Integration integration) {
        write(integration.id(), StoredIntegration.encode(integration));
    }

    public void delete(String id) {
        write(id, null);
    }

    private void write(String id, byte[] value) {
        long offset;
        try {
            offset = producer.send(new ProducerRecord<>(topic, id, value)).get(READ_BACK.toMillis(),
                    TimeUnit.MILLISECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing integration " + id, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreUnavailable(e);
        }
        synchronized (progress) {
            long until = System.nanoTime() + READ_BACK.toNanos();
            while (applied < offset) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    throw new StoreUnavailable(new TimeoutException("integration " + id + " not read back"));
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private void follow() {
        TopicPartition partition = new TopicPartition(topic, 0);
        try {
            long end = start(partition);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    apply(record);
                }
                long position = consumer.position(partition);
                synchronized (progress) {
                    applied = position - 1;
                    progress.notifyAll();
                }
                if (!caughtUp && position >= end) {
                    caughtUp = true;
                    log.info("Integrations read: {}", catalogue.all().size());
                }
            }
        } catch (WakeupException stopping) {
            // closing
        } catch (RuntimeException e) {
            log.error("Integrations reader stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    /**
     * Creates the topics and finds where the integrations end, again and again while the broker is away: the
     * instance stays not ready (health DOWN) until then, instead of dying.
     */
    private long start(TopicPartition partition) {
        while (running) {
            try {
                createTopics();
                // the producer learns the intake topic's partitions now, not on the first request
                producer.partitionsFor(Topics.INTAKE.name());
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(30)).get(partition);
                caughtUp = end == 0;
                return end;
            } catch (WakeupException stopping) {
                throw stopping;
            } catch (RuntimeException e) {
                log.warn("Cannot read the integrations yet, trying again: {}", e.getMessage());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new WakeupException();
                }
            }
        }
        throw new WakeupException();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            catalogue.apply(record.key(), null);
            return;
        }
        try {
            catalogue.apply(record.key(), StoredIntegration.decode(record.value()));
        } catch (IOException e) {
            log.error("Integration {} at offset {} is unreadable and left out: {}", record.key(), record.offset(),
                    e.getMessage());
        }
    }

    /** The intake topic (if no service created it yet) and the compacted integrations topic, where missing. */
    private void createTopics() {
        Admin admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        try {
            for (NewTopic newTopic : List.of(
                    new NewTopic(Topics.INTAKE.name(), Optional.of(Topics.PARTITIONS), Optional.of(replication)),
                    new NewTopic(topic, Optional.of(1), Optional.of(replication))
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))) {
                try {
                    admin.createTopics(List.of(newTopic)).all().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + newTopic.name(), e.getCause());
                    }
                } catch (InterruptedException | TimeoutException e) {
                    throw new IllegalStateException("cannot create topic " + newTopic.name(), e);
                }
            }
        } finally {
            // a broker that does not answer must not hold the reader (and a stop) for the client's minute
            admin.close(Duration.ofSeconds(1));
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        reader.join(5_000);
    }

    /** The integrations topic did not take or return a change in time. */
    public static final class StoreUnavailable extends RuntimeException {
        StoreUnavailable(Throwable cause) {
            super("the integrations topic did not take the change in time: " + cause.getMessage(), cause);
        }
    }
}
