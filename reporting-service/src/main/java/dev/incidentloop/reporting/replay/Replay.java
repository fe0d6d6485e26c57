package dev.incidentloop.reporting.replay;

import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.EventDecodingException;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.Topics;
import dev.incidentloop.reporting.facts.FactFold;
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
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicReference;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a replay: rebuilds the read model from the start of the event topics into fresh tables ({@link RebuildTables}),
 * then swaps them in at once. The live listener runs on meanwhile; only for the final catch-up and the swap is it
 * paused. When it resumes it may see events the rebuild already applied: the rebuilt processed-event table makes it
 * skip them.
 *
 * <p>What the topics held at the start is read in the passes of a {@link ReplayPlan}, each folding a share of the
 * incidents in memory ({@link FactFold}) and writing them with COPY into tables whose indexes are created after the
 * last pass. Should an incident's events turn up in two passes after all (a topic given more partitions since, or an
 * event published under another key), its unique index cannot be created, and the replay starts again applying poll
 * after poll, as the live listener does, which needs no such assumption; so does a plan that says so from the start,
 * and the final catch-up.
 */
@Component
public class Replay {

    private static final Logger log = LoggerFactory.getLogger(Replay.class);
    private final RebuildTables tables;
    private final TransactionTemplate transactions;
    private final FactModel model;
    private final KafkaProperties kafka;
    private final KafkaListenerEndpointRegistry listeners;
    private final String group;
    private final long passRecords;
    private final EventCodec codec = new EventCodec();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "replay"));
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "replay-writer"));
    /** Decodes a poll on every core, beside the thread that fetches the next. */
    private final ForkJoinPool decoders = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    private final AtomicReference<ReplayProgress> progress = new AtomicReference<>(ReplayProgress.IDLE);

    Replay(RebuildTables tables, TransactionTemplate transactions, FactModel model, KafkaProperties kafka,
           KafkaListenerEndpointRegistry listeners, @Value("${spring.application.name}") String group,
           @Value("${reporting.replay.pass-records}") long passRecords) {
        this.tables = tables;
        this.transactions = transactions;
        this.model = model;
        this.kafka = kafka;
        this.listeners = listeners;
        this.group = group;
        this.passRecords = passRecords;
    }

    public ReplayProgress progress() {
        return progress.get();
    }

    /**
     * Starts a replay unless one runs; returns whether it started. Refuses, changing nothing, when the event topics
     * no longer hold their whole history (see {@link ReplaySource}).
     */
    public synchronized boolean start() {
        if (progress.get().state() == ReplayProgress.State.RUNNING) {
            return false;
        }
        try (var consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            ReplaySource.requireWhole(consumer.beginningOffsets(partitions(consumer)));
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
            tables.prepare();
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = end.entrySet().stream().mapToLong(e -> e.getValue() - begin.get(e.getKey())).sum();
            long[] done = {0};
            ReplayPlan plan = ReplayPlan.of(partitions, begin, end, passRecords);
            if (plan.pollByPoll()) {
                log.info("Partitions of one number hold more than {} records; applying poll by poll",
                        ReplayPlan.MAX_SHARES * passRecords);
                applyUntil(consumer, partitions, begin, end, started, done, total);
            } else {
                try {
                    List<String> indexes = tables.dropIndexes();
                    fold(consumer, plan.passes(), begin, end, started, done, total);
                    tables.restore(indexes);
                } catch (DuplicateKeyException spread) {
                    log.warn("An incident's events are in more than one pass of the replay ({}); starting again "
                            + "poll by poll", spread.getMostSpecificCause().getMessage());
                    tables.prepare();
                    done[0] = 0;
                    applyUntil(consumer, partitions, begin, end, started, done, total);
                }
            }

            live.pause();
            awaitPaused(live);
            Map<TopicPartition, Long> caughtUp = consumer.endOffsets(partitions);
            applyUntil(consumer, partitions, end, caughtUp, started, done,
                    total + partitions.stream().mapToLong(p -> caughtUp.get(p) - end.get(p)).sum());
            tables.swap();
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

    /** Folds and writes the passes, each written while the next one reads. */
    private void fold(KafkaConsumer<String, byte[]> consumer, List<ReplayPlan.Pass> passes,
                      Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end, Instant started, long[] done,
                      long total) {
        CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);
        for (ReplayPlan.Pass pass : passes) {
            FactFold fold = fold(consumer, pass, begin, end, started, done, total);
            writing.join();
            writing = CompletableFuture.runAsync(() -> tables.copy(fold), writer);
        }
        writing.join();
    }

    /** Reads a pass's partitions from {@code begin} to {@code end} and folds the events of its share. */
    private FactFold fold(KafkaConsumer<String, byte[]> consumer, ReplayPlan.Pass pass,
                          Map<TopicPartition, Long> begin, Map<TopicPartition, Long> end, Instant started, long[] done,
                      long total) {
        FactFold fold = new FactFold();
        seek(consumer, pass.partitions(), begin);
        // a poll is decoded while the next one is fetched
        ForkJoinTask<List<EventEnvelope>> decoding = null;
        while (true) {
            boolean more = pass.partitions().stream().anyMatch(p -> consumer.position(p) < end.get(p));
            List<ConsumerRecord<String, byte[]>> polled = more ? poll(consumer, end) : List.of();
            if (decoding != null) {
                List<EventEnvelope> events = decoding.join();
                for (EventEnvelope event : events) {
                    if (event != null) { // null: a record that is no event, which the live listener dead-lettered
                        fold.apply(event);
                    }
                }
                done[0] += events.size();
                update(ReplayProgress.State.RUNNING, done[0], total, started, null, null);
            }
            if (!more) {
                return fold;
            }
            decoding = decode(polled.stream().filter(record -> pass.takes(record.key())).toList());
        }
    }

    /**
     * Applies the records from {@code from} to {@code end} poll after poll, each poll in a transaction, written while
     * the next one is fetched and decoded.
     */
    private void applyUntil(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
                            Map<TopicPartition, Long> from, Map<TopicPartition, Long> end, Instant started,
                            long[] done, long total) {
        seek(consumer, partitions, from);
        CompletableFuture<Integer> writing = CompletableFuture.completedFuture(0);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            List<ConsumerRecord<String, byte[]>> polled = poll(consumer, end);
            List<EventEnvelope> events = decode(polled).join().stream().filter(Objects::nonNull).toList();
            done[0] += writing.join();
            update(ReplayProgress.State.RUNNING, done[0], total, started, null, null);
            writing = CompletableFuture.supplyAsync(() -> {
                transactions.executeWithoutResult(s -> model.apply(events, FactModel.Tables.REBUILD));
                return polled.size();
            }, writer);
        }
        done[0] += writing.join();
        update(ReplayProgress.State.RUNNING, done[0], total, started, null, null);
    }

    /**
     * A poll's records before {@code end}: those after it are left to the next stage. A partition read to its end
     * is paused: were it fetched on, the broker would hold each fetch for data it does not have, and the other
     * partitions' records would wait for that.
     */
    private static List<ConsumerRecord<String, byte[]>> poll(KafkaConsumer<String, byte[]> consumer,
                                                             Map<TopicPartition, Long> end) {
        var records = consumer.poll(Duration.ofMillis(200));
        List<ConsumerRecord<String, byte[]>> polled = new ArrayList<>(records.count());
        for (TopicPartition partition : records.partitions()) {
            long before = end.get(partition);
            for (var record : records.records(partition)) {
                if (record.offset() < before) {
                    polled.add(record);
                }
            }
        }
        consumer.pause(consumer.assignment().stream().filter(p -> consumer.position(p) >= end.get(p)).toList());
        return polled;
    }

    /** Reads the partitions from the offsets given. */
    private static void seek(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
                             Map<TopicPartition, Long> from) {
        consumer.assign(partitions);
        consumer.resume(partitions);
        partitions.forEach(p -> consumer.seek(p, from.get(p)));
    }

    /** Decodes the records on every core, in their order; null for a record that is no event. */
    private ForkJoinTask<List<EventEnvelope>> decode(List<ConsumerRecord<String, byte[]>> records) {
        return decoders.submit(() -> records.parallelStream().map(this::decodeOrNull).toList());
    }

    /** Null for a record that is no event: the live listener dead-lettered it, and it is no part of the model. */
    private EventEnvelope decodeOrNull(ConsumerRecord<String, byte[]> record) {
        try {
            return codec.decode(record.value());
        } catch (EventDecodingException undecodable) {
            return null;
        }
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

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.INCIDENT_EVENTS.name(), Topics.ESCALATION_EVENTS.name())) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        return partitions;
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        // every read ends at offsets known to exist: a fetch need not wait for more (the default is 500 ms)
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-replay");
        return config;
    }
}
