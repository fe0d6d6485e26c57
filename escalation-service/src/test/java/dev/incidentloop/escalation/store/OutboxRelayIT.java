package dev.incidentloop.escalation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.ResolutionUnconfirmed;
import dev.incidentloop.events.Topics;
import dev.incidentloop.kit.outbox.Outbox;
import dev.incidentloop.kit.outbox.OutboxRelay;
import dev.incidentloop.kit.schema.KitSchema;
import dev.incidentloop.testsupport.KafkaProbe;
import dev.incidentloop.testsupport.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two relays on one outbox, as two instances of a service run them: each incident's events reach Kafka in the order
 * they were decided, and each once. With rows shared out by SKIP LOCKED alone, the second relay took the next rows
 * while the first still sent its own, and an incident's later events overtook its earlier ones.
 */
class OutboxRelayIT {

    private static final int INCIDENTS = 20;
    private static final int EVENTS_EACH = 150;

    @Test
    void two_relays_keep_each_incidents_events_in_order() throws Exception {
        String url = RealInfrastructure.jdbcUrl("outbox_relay_two");
        Flyway flyway = Flyway.configure().dataSource(url, RealInfrastructure.dbUser(), RealInfrastructure.dbPassword())
                .locations("classpath:db/migration").load();
        KitSchema.migrate(flyway, List.of(KitSchema.Part.OUTBOX), Map.of());
        List<UUID> incidents = new ArrayList<>();
        for (int i = 0; i < INCIDENTS; i++) {
            incidents.add(UUID.randomUUID());
        }
        Relay writer = new Relay(url);
        Outbox outbox = new Outbox(writer.jdbc, "/outbox-relay-it");
        // the events are all decided first, interleaved across the incidents, so that each relay's batch holds some
        // of every incident's
        for (int n = 0; n < EVENTS_EACH; n++) {
            int round = n;
            writer.transactions.executeWithoutResult(s -> incidents.forEach(incident -> outbox.add(
                    new ResolutionUnconfirmed(incident, Instant.EPOCH.plusSeconds(round), "p" + round, Instant.now()))));
        }

        try (KafkaProbe probe = new KafkaProbe(RealInfrastructure.kafkaBootstrapServers(),
                Topics.ESCALATION_EVENTS.name());
             Relay first = new Relay(url); Relay second = new Relay(url)) {
            AtomicBoolean done = new AtomicBoolean();
            ExecutorService threads = Executors.newFixedThreadPool(2);
            List<CompletableFuture<Void>> relays = List.of(first, second).stream()
                    .map(relay -> CompletableFuture.runAsync(() -> relay.runUntil(done), threads)).toList();
            Set<String> keys = incidents.stream().map(UUID::toString).collect(Collectors.toSet());
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> probe.seen(r -> keys.contains(r.key())).size() >= INCIDENTS * EVENTS_EACH);
            done.set(true);
            relays.forEach(CompletableFuture::join);
            threads.shutdown();

            EventCodec codec = new EventCodec();
            Map<String, List<Long>> sequences = new HashMap<>();
            probe.seen(r -> keys.contains(r.key())).forEach(r -> sequences.computeIfAbsent(r.key(), k -> new ArrayList<>())
                    .add(codec.decode(r.value()).sequence()));
            List<Long> expected = new ArrayList<>();
            for (long s = 0; s < EVENTS_EACH; s++) {
                expected.add(s);
            }
            assertThat(sequences).hasSize(INCIDENTS);
            sequences.forEach((incident, numbers) -> assertThat(numbers).as("incident %s", incident)
                    .containsExactlyElementsOf(expected));
            assertThat(writer.jdbc.queryForObject("select count(*) from outbox", Long.class)).isZero();
        }
        writer.close();
    }

    /** A relay of its own, on its own connection and producer, as another instance has. */
    private static final class Relay implements AutoCloseable {

        private final SingleConnectionDataSource connection;
        private final JdbcTemplate jdbc;
        private final TransactionTemplate transactions;
        private final DefaultKafkaProducerFactory<String, Object> producers;
        private final OutboxRelay relay;

        Relay(String url) {
            connection = new SingleConnectionDataSource(url, RealInfrastructure.dbUser(),
                    RealInfrastructure.dbPassword(), true);
            jdbc = new JdbcTemplate(connection);
            transactions = new TransactionTemplate(new DataSourceTransactionManager(connection));
            producers = new DefaultKafkaProducerFactory<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
            relay = new OutboxRelay(jdbc, new KafkaTemplate<>(producers));
        }

        /** Relays as the scheduler does, a transaction per round, until told to stop. */
        void runUntil(AtomicBoolean done) {
            while (!done.get()) {
                transactions.executeWithoutResult(s -> {
                    try {
                        relay.relay();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }

        @Override
        public void close() {
            producers.destroy();
            connection.destroy();
        }
    }
}
