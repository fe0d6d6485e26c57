package dev.incidentloop.benchmark;

import dev.incidentloop.events.Topics;
import java.nio.charset.StandardCharsets;
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
 * first record sent until incident-service's consumer group has committed the last one.
 */
final class IntakeStorm {

    static final String GROUP = "incident-service";

    record Result(int records, int alerts, double publishedPerSecond, double processedPerSecond) {
    }

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
        return new Result(records, alerts, records / publishSeconds, records / processSeconds);
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
