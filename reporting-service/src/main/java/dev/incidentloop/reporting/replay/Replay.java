package dev.incidentloop.reporting.replay;

import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.EventDecodingException;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.Topics;
import dev.incidentloop.reporting.facts.FactListener;
import dev.incidentloop.reporting.facts.FactModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the read model from the start of the event topics into fresh tables, then swaps them in at once. The
 * live listener runs on meanwhile; only for the final catch-up and the swap is it paused. When it resumes it may
 * see events the rebuild already applied: the rebuilt processed-event table makes it skip them.
 */
@Component
public class Replay {

    private static final Logger log = LoggerFactory.getLogger(Replay.class);
    private static final int WRITERS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final FactModel model;
    private final KafkaProperties kafka;
    private final KafkaListenerEndpointRegistry listeners;
    private final String group;
    private final EventCodec codec = new EventCodec();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "replay"));
    /**
     * Writers, each on its own connection and thread, each taking the incidents of one share of ids: an incident's
     * events stay in order on one writer, and no two writers touch the same rows.
     */
    private final List<ExecutorService> writers = IntStream.range(0, WRITERS)
            .mapToObj(i -> Executors.newSingleThreadExecutor(r -> new Thread(r, "replay-writer-" + i))).toList();
    private final AtomicReference<ReplayProgress> progress = new AtomicReference<>(ReplayProgress.IDLE);

    Replay(JdbcTemplate jdbc, TransactionTemplate transactions, FactModel model, KafkaProperties kafka,
           KafkaListenerEndpointRegistry listeners, @Value("${spring.application.name}") String group) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.model = model;
        this.kafka = kafka;
        this.listeners = listeners;
        this.group = group;
    }

    public ReplayProgress progress() {
        return progress.get();
    }

    /** Starts a replay unless one runs; returns whether it started. */
    public synchronized boolean start() {
        if (progress.get().state() == ReplayProgress.State.RUNNING) {
            return false;
        }
        progress.set(new ReplayProgress(ReplayProgress.State.RUNNING, 0, 0, 0, null, Instant.now(), null, null));
        worker.submit(this::run);
        return true;
    }

    private void run() {
        Instant started = progress.get().startedAt();
        MessageListenerContainer live = listeners.getListenerContainer(FactListener.ID);
        try (var consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            prepareTables();
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.INCIDENT_EVENTS.name(), Topics.ESCALATION_EVENTS.name())) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            long[] done = {0};
            long total = readUntil(consumer, begin, consumer.endOffsets(partitions), started, done, 0);

            live.pause();
            awaitPaused(live);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            readUntil(consumer, begin, end, started, done, total);
            swap();
            live.resume();
            update(ReplayProgress.State.DONE, done[0], done[0], started, Instant.now(), null);
            log.info("Replay done: {} events in {}", done[0], Duration.between(started, Instant.now()));
        } catch (Exception e) {
            if (live != null && live.isPauseRequested()) {
                live.resume();
            }
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            log.error("Replay failed", cause);
            var p = progress.get();
            update(ReplayProgress.State.FAILED, p.eventsDone(), p.eventsTotal(), started, Instant.now(),
                    cause.toString());
        }
    }

    /** Applies records until every partition reached {@code end}; returns the number of records in the range. */
    private long readUntil(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> begin,
                           Map<TopicPartition, Long> end, Instant started, long[] done, long knownTotal) {
        long total = Math.max(knownTotal, end.entrySet().stream()
                .mapToLong(e -> e.getValue() - begin.getOrDefault(e.getKey(), 0L)).sum());
        // a poll is decoded while the one before is written: decoding on every core, writing on several
        // connections, each poll written in full before the next
        CompletableFuture<Integer> writing = CompletableFuture.completedFuture(0);
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            var records = consumer.poll(Duration.ofMillis(200));
            List<ConsumerRecord<String, byte[]>> polled = new ArrayList<>(records.count());
            records.forEach(polled::add);
            List<EventEnvelope> batch = polled.parallelStream().map(this::decodeOrNull).filter(Objects::nonNull)
                    .toList();
            done[0] += writing.join();
            update(ReplayProgress.State.RUNNING, done[0], total, started, null, null);
            writing = write(batch).thenApply(written -> polled.size());
        }
        done[0] += writing.join();
        update(ReplayProgress.State.RUNNING, done[0], total, started, null, null);
        return total;
    }

    /** Writes the events, each incident's on the writer of its share. */
    private CompletableFuture<Void> write(List<EventEnvelope> batch) {
        List<List<EventEnvelope>> shares = IntStream.range(0, WRITERS).mapToObj(i -> new ArrayList<EventEnvelope>())
                .collect(Collectors.toList());
        for (EventEnvelope event : batch) {
            shares.get(Math.floorMod(event.incidentId().hashCode(), WRITERS)).add(event);
        }
        return CompletableFuture.allOf(IntStream.range(0, WRITERS).mapToObj(i -> CompletableFuture.runAsync(
                () -> transactions.executeWithoutResult(s -> model.apply(shares.get(i), FactModel.Tables.REBUILD)),
                writers.get(i))).toArray(CompletableFuture[]::new));
    }

    /** Null for a record that is no event: the live listener dead-lettered it, and it is no part of the model. */
    private EventEnvelope decodeOrNull(ConsumerRecord<String, byte[]> record) {
        try {
            return codec.decode(record.value());
        } catch (EventDecodingException undecodable) {
            return null;
        }
    }

    private void prepareTables() {
        transactions.executeWithoutResult(s -> {
            jdbc.execute("drop table if exists incident_fact_rebuild");
            jdbc.execute("drop table if exists processed_event_rebuild");
            jdbc.execute("create table incident_fact_rebuild (like incident_fact including all)");
            jdbc.execute("create table processed_event_rebuild (like processed_event including all)");
        });
    }

    /** Both tables at once: readers see the old model or the new one, never half of each. */
    private void swap() {
        transactions.executeWithoutResult(s -> {
            jdbc.execute("alter table incident_fact rename to incident_fact_old");
            jdbc.execute("alter table incident_fact_rebuild rename to incident_fact");
            jdbc.execute("alter table processed_event rename to processed_event_old");
            jdbc.execute("alter table processed_event_rebuild rename to processed_event");
            jdbc.execute("drop table incident_fact_old");
            jdbc.execute("drop table processed_event_old");
        });
    }

    private static void awaitPaused(MessageListenerContainer live) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!live.isContainerPaused()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the live listener did not pause within 60 s");
            }
            Thread.sleep(50);
        }
    }

    private void update(ReplayProgress.State state, long done, long total, Instant started, Instant finished,
                        String error) {
        double seconds = Math.max(Duration.between(started, Instant.now()).toMillis() / 1000.0, 0.001);
        double rate = done / seconds;
        Double left = state == ReplayProgress.State.RUNNING && rate > 0 ? Math.max(0, total - done) / rate : null;
        progress.set(new ReplayProgress(state, done, total, rate, left, started, finished, error));
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-replay");
        return config;
    }
}
