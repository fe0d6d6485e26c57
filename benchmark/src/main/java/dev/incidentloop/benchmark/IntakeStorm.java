package dev.incidentloop.benchmark;

import dev.incidentloop.events.AlertRepeated;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * An alert storm on the intake topic: N records, a share of which repeat an alert already raised. Timed from the
 * first record sent until incident-service's consumer group has committed the last one (every incident opened, every
 * repeat counted), and on until the incidents' histories hold every repeat (the AlertRepeated events on the events
 * topic add up to them).
 */
final class IntakeStorm {

    static final String GROUP = "incident-service";

    record Result(int records, int alerts, double publishedPerSecond, double processedPerSecond,
                  double inHistoriesPerSecond) {
    }

    /** How long to wait for the histories before giving up. */
    private static final long HISTORY_WAIT_MS = 30 * 60 * 1000;
    private static final byte[] ALERT_REPEATED = "\"dev.incidentloop.incident.alert-repeated.v1\""
            .getBytes(StandardCharsets.UTF_8);

    private IntakeStorm() {
    }

    /** A record of the intake's shape; the storm's records are this size, give or take a few digits. */
    static byte[] record(String run, long reportNo, long alertNo) {
        return ("{\"reportId\":\"" + run + "-" + reportNo + "\",\"source\":\"bench\",\"dedupKey\":\"" + run + "-"
                + alertNo + "\",\"title\":\"bench " + run + " alert " + alertNo + "\",\"description\":\"disk usage "
                + "above 95% on the database volume\",\"category\":\"it-service\",\"impact\":2,\"urgency\":3,"
                + "\"reportedBy\":\"bench\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** Waits until the group has committed everything on the topics, as they stand now. */
    static void awaitCaughtUp(Admin admin, String group, String... topics) throws Exception {
        for (String topic : topics) {
            Map<TopicPartition, Long> end = endOffsets(admin, topic);
            while (true) {
                Map<TopicPartition, Long> committed = committed(admin, group, topic);
                if (end.entrySet().stream().allMatch(e -> e.getValue() == 0
                        || committed.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
                    break;
                }
                Thread.sleep(500);
            }
        }
    }

    static Result run(String bootstrap, String run, int records, double repeatShare) throws Exception {
        int alerts = Math.max(1, (int) Math.round(records * (1 - repeatShare)));
        int every = Math.max(1, records / alerts);
        var random = new SplittableRandom(42);
        long t0 = System.nanoTime();
        int[] raised = {0};
        int newAlertEvery = every;
        int alertCount = alerts;
        double publishSeconds = RawKafka.publish(bootstrap, records, "intake publish", i -> {
            long alert = (i % newAlertEvery == 0 && raised[0] < alertCount) ? raised[0]++
                    : random.nextInt(Math.max(raised[0], 1));
            return new ProducerRecord<>(Topics.INTAKE.name(), run + "-" + alert, record(run, i, alert));
        });
        alerts = raised[0];

        Progress processed = new Progress("intake process", records);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Map<TopicPartition, Long> end = endOffsets(admin, Topics.INTAKE.name());
            long target = end.values().stream().mapToLong(Long::longValue).sum();
            long base = target - records;
            while (true) {
                Map<TopicPartition, Long> committed = committed(admin, GROUP, Topics.INTAKE.name());
                long done = committed.values().stream().mapToLong(Long::longValue).sum() - base;
                processed.report(Math.max(0, Math.min(done, records)));
                if (end.entrySet().stream().allMatch(e -> committed.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
                    break;
                }
                Thread.sleep(200);
            }
        }
        double processSeconds = (System.nanoTime() - t0) / 1e9;
        awaitRepeatsInHistories(bootstrap, records - alerts);
        double historySeconds = (System.nanoTime() - t0) / 1e9;
        return new Result(records, alerts, records / publishSeconds, records / processSeconds,
                records / historySeconds);
    }

    /**
     * Reads the events topic from its start until the AlertRepeated events count this many repeats. The platform is
     * fresh and only the storm repeats alerts, so every such event is the storm's.
     */
    private static void awaitRepeatsInHistories(String bootstrap, long repeats) {
        var codec = new EventCodec();
        Progress recorded = new Progress("in histories", repeats);
        long sum = 0;
        long deadline = System.currentTimeMillis() + HISTORY_WAIT_MS;
        try (var consumer = RawKafka.consumer(bootstrap)) {
            var partitions = RawKafka.partitions(consumer, Topics.INCIDENT_EVENTS.name());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (sum < repeats) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("after " + HISTORY_WAIT_MS / 60_000 + " minutes the histories "
                            + "hold " + sum + " of " + repeats + " repeats");
                }
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (contains(record.value(), ALERT_REPEATED)
                            && codec.decode(record.value()).data() instanceof AlertRepeated repeated) {
                        sum += repeated.repeats();
                    }
                }
                recorded.report(sum);
            }
        }
    }

    private static boolean contains(byte[] value, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= value.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (value[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get()
                .get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        return admin.listOffsets(partitions).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    static Map<TopicPartition, Long> committed(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, java.util.concurrent.TimeUnit.SECONDS);
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
