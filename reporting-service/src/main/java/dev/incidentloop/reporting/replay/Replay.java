package dev.incidentloop.reporting.replay;

import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.EventDecodingException;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.Topics;
import dev.incidentloop.reporting.facts.FactFold;
import dev.incidentloop.reporting.facts.FactModel;
import dev.incidentloop.reporting.facts.ReplayFence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a replay: rebuilds the read model from the start of the event topics into fresh tables ({@link RebuildTables}),
 * then swaps them in at once. One replay runs at a time across the instances of the service: a run claims it in
 * {@link ReplayRuns} and reports its progress there, which every instance answers with. The live listeners of every
 * instance run on meanwhile; only for the final catch-up and the swap are they held back, by the {@link ReplayFence}.
 * When they go on they may see events the rebuild already applied: the rebuilt processed-event table makes them skip
 * them.
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
    private final ReplayRuns runs;
    private final ReplayFence fence;
    private final String group;
    private final long passRecords;
    private final EventCodec codec = new EventCodec();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "replay"));
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "replay-writer"));
    /** Decodes a poll on every core, beside the thread that fetches the next. */
    private final ForkJoinPool decoders = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    /** Reports the progress of the run of this instance, so that the others know it is alive. */
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "replay-heartbeat"));
    private final Duration heartbeatEvery;
    private final AtomicReference<ReplayProgress> progress = new AtomicReference<>(ReplayProgress.IDLE);
    private volatile UUID run;
    /** Set when another instance took the replay over, this run having been silent too long. */
    private volatile boolean lost;
    private ScheduledFuture<?> beating;

    Replay(RebuildTables tables, TransactionTemplate transactions, FactModel model, KafkaProperties kafka,
           ReplayRuns runs, ReplayFence fence, @Value("${spring.application.name}") String group,
           @Value("${reporting.replay.pass-records}") long passRecords,
           @Value("${reporting.replay.heartbeat}") Duration heartbeatEvery) {
        this.tables = tables;
        this.transactions = transactions;
        this.model = model;
        this.kafka = kafka;
        this.runs = runs;
        this.fence = fence;
        this.group = group;
        this.passRecords = passRecords;
        this.heartbeatEvery = heartbeatEvery;
    }

    /** Where the replay stands, on whichever instance it runs. */
    public ReplayProgress progress() {
        return runs.current();
    }

    /**
     * Starts a replay unless one runs; returns whether it started. Refuses, changing nothing, when the event topics
     * no longer hold their whole history (see {@link ReplaySource}).
     */
    public synchronized boolean start() {
        if (!runs.current().leavesRoom()) {
            return false;
        }
        try (var consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            ReplaySource.requireWhole(consumer.beginningOffsets(partitions(consumer)));
        }
        UUID claimed = UUID.randomUUID();
        var running = new ReplayProgress(ReplayProgress.State.RUNNING, 0, 0, 0, null, Instant.now(), null, null);
        if (!runs.claim(claimed, running)) {
            return false;
        }
        run = claimed;
        lost = false;
        progress.set(running);
        beating = heartbeat.scheduleWithFixedDelay(this::beat, heartbeatEvery.toMillis(), heartbeatEvery.toMillis(),
                TimeUnit.MILLISECONDS);
        worker.submit(this::run);
        return true;
    }

    /** Reports the progress; a run that no longer holds the replay (taken over as abandoned) will not swap. */
    private synchronized void beat() {
        if (beating.isCancelled()) {
            return;
        }
        try {
            if (!runs.report(run, progress.get())) {
                log.error("Another instance took this replay over as abandoned; it stops before the swap");
                lost = true;
            }
        } catch (RuntimeException e) {
            log.warn("Could not report the replay's progress ({})", e.getMessage());
        }
    }

    private void run() {
        Instant started = progress.get().startedAt();
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

            // the live listeners of every instance wait from here to the swap: what they apply after it goes to the
            // rebuilt tables, and all they applied before is below the offsets read now
            requireHeld();
            try (ReplayFence.Closed closed = fence.close()) {
                Map<TopicPartition, Long> caughtUp = consumer.endOffsets(partitions);
                applyUntil(consumer, partitions, end, caughtUp, started, done,
                        total + partitions.stream().mapToLong(p -> caughtUp.get(p) - end.get(p)).sum());
                requireHeld();
                tables.swap();
            }
            finish(ReplayProgress.State.DONE, done[0], done[0], started, null);
            log.info("Replay done: {} events in {}", done[0], Duration.between(started, Instant.now()));
        } catch (Exception e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            log.error("Replay failed", cause);
            var p = progress.get();
            finish(ReplayProgress.State.FAILED, p.eventsDone(), p.eventsTotal(), started, cause.toString());
        }
    }

    private void requireHeld() {
        if (lost) {
            throw new IllegalStateException("another instance took this replay over as abandoned");
        }
    }

    /** The run's last report: done or failed. */
    private synchronized void finish(ReplayProgress.State state, long done, long total, Instant started, String error) {
        beating.cancel(false);
        update(state, done, total, started, Instant.now(), error);
        runs.report(run, progress.get());
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
