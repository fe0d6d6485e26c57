package dev.incidentloop.incident.config;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AxonConfiguration {

    private static final String UNIQUE_VIOLATION = "23505";
    /** Events read from the store per query, for an incident and for the processors (Axon's default). */
    private static final int EVENTS_PER_QUERY = 100;
    /** The processing group of the relay to Kafka ({@code KafkaRelay}). */
    private static final String RELAY = "kafka-relay";
    /** How long the relay waits for new events before it looks again without being woken. */
    private static final long RELAY_WAIT_MS = 100;

    /**
     * Axon's default resolver reads vendor error codes, which PostgreSQL leaves at 0, so it never sees a duplicate
     * key; PostgreSQL reports it by SQLState. Without this, a second creation of the same incident or two
     * concurrent commands on one incident would surface as a generic storage failure instead of a duplicate or a
     * concurrency conflict.
     */
    @Bean
    PersistenceExceptionResolver postgresDuplicateKeyResolver() {
        return exception -> {
            for (Throwable t = exception; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * The event store, as Axon's auto-configuration builds it, but looking for new events every 50 ms instead of
     * every second when its readers have caught up: the relay, and so every other service, learns of an incident
     * within tens of milliseconds rather than up to a second later. It also keeps fewer recent events in memory.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon) {
        // defining the event store makes Axon's auto-configuration step back from the storage engine too
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .fetchDelay(50)
                // the recent events kept in memory for a processor near the head (the relay); one that falls
                // further behind reads the store itself. Axon keeps 10,000 by default.
                .cachedEvents(1_000)
                .build();
    }

    /**
     * The JDBC storage engine, as Axon's auto-configuration builds it (see {@link #eventStore}), but reading an
     * incident's events in one query where they fit: Axon's JDBC engine queries on until a query finds nothing, one
     * more query for every view and every incident loaded. An incident's sequence numbers have no gaps (each event
     * takes the next), so a query that fills less than a batch has found the last of them.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration axon,
                                          ConnectionProvider connectionProvider, TransactionManager transactions) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(axon.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactions)
                .schema(EventSchema.builder().build())
                .batchSize(EVENTS_PER_QUERY)
                .finalAggregateBatchPredicate(batch -> batch.size() < EVENTS_PER_QUERY)
                .build();
    }

    /**
     * Keeps the incidents used last in memory, so that a command does not replay the incident's events each time:
     * an alert storm sends many commands to the same incidents, and a person works one incident for a while.
     */
    @Bean
    Cache incidentCache(@Value("${incident.cache.max-incidents}") int maxIncidents) {
        return new BoundedCache(maxIncidents);
    }

    /** A snapshot of an incident after every so many events, so that loading one never replays more than that. */
    @Bean
    SnapshotTriggerDefinition incidentSnapshots(Snapshotter snapshotter,
                                                @Value("${incident.snapshot-every-events}") int events) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, events);
    }

    /**
     * The relay to Kafka: a tracking processor, one thread and segment, up to 200 events per batch, looking again for
     * new events after at most {@value #RELAY_WAIT_MS} ms. It normally reads the events the event store keeps in memory
     * and is woken as soon as one is stored. A relay that falls further behind reads the store itself; when it has
     * caught up, it rejoins the events in memory only where its position equals one of theirs, which the gaps left by
     * transactions committing out of order can prevent for a minute and more. Until then it is woken by nothing and
     * waits out its availability timeout each time, Axon's 1 s by default: events reached Kafka up to a second late
     * (seen at 200 reports/s on a platform just started, and after the broker stalled for 5 s). A wait that ends
     * without an event renews the processor's claim on its token, a small update: ten a second when idle.
     */
    @Autowired
    void relayProcessor(EventProcessingConfigurer processing) {
        processing.registerTrackingEventProcessor(RELAY,
                org.axonframework.config.Configuration::eventStore,
                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialSegmentsCount(1)
                        .andBatchSize(200)
                        .andEventAvailabilityTimeout(RELAY_WAIT_MS, TimeUnit.MILLISECONDS));
    }

    /**
     * Axon's default logs a failing event handler and moves on, which for the relay would skip an event for good.
     * Propagating makes the processor retry the same event, with back-off, until Kafka takes it.
     */
    @Autowired
    void relayRetriesUntilPublished(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(RELAY, c -> PropagatingErrorHandler.instance());
    }

    /**
     * The search table is changed in the command's transaction: a failure there fails the command, rather than being
     * logged while the events are stored without their search row.
     */
    @Autowired
    void searchFailsWithItsCommand(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler("incident-search", c -> PropagatingErrorHandler.instance());
    }
}
