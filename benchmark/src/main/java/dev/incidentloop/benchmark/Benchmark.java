package dev.incidentloop.benchmark;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.launcher.LocalPlatform;
import dev.incidentloop.launcher.PlatformConfig;
import dev.incidentloop.launcher.Service;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Runs the embedded default on a fresh data folder and measures, in one run: the broker raw, the alert-storm
 * intake, report-to-feed latency, alerts over HTTP against Alertmanager, the replay, and each service's start time
 * and memory. Prints a table and writes JSON.
 * The broker is measured raw at the start and again at the end, while the services are idle; the ratios are to the
 * faster of the two consume rates, as the machine's noise moves one run of it by a factor of two.
 */
public final class Benchmark {

    /** Everything one run measured; written as JSON. */
    public record Results(Instant at, BenchmarkOptions options, RawKafka.Result rawKafka,
                          RawKafka.Result rawKafkaAtEnd, IntakeStorm.Result intake, double intakeToRawConsumeRatio,
                          FeedLatency.Result feedLatency, CpuUse.Share latencyCpu, CpuUse.Share intakeCpu,
                          HttpIntakePhase.Result httpIntake, ReplayPhase.Result replay,
                          double replayToRawConsumeRatio, Map<String, Double> startSeconds,
                          Map<String, Long> rssMegabytes) {
    }

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        run(BenchmarkOptions.parse(args));
    }

    static Results run(BenchmarkOptions options) throws Exception {
        deleteRecursively(options.dataDir());
        String run = UUID.randomUUID().toString().substring(0, 8);
        System.out.println("Starting the embedded platform (data in " + options.dataDir().toAbsolutePath() + ")");
        PlatformConfig config = PlatformConfig.onFreePorts(options.dataDir(), options.servicesDir(), Map.of());
        try (LocalPlatform platform = LocalPlatform.start(config)) {
            // stopped on Ctrl-C too, or the services would outlive the benchmark
            Thread stopOnExit = new Thread(() -> {
                try {
                    platform.close();
                } catch (Exception e) {
                    System.err.println("Stopping the platform failed: " + e);
                }
            }, "benchmark-stop");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            String bootstrap = platform.kafkaBootstrapServers();
            System.out.println("1/6 raw Kafka baseline");
            String rawTopic = RawKafka.createTopic(bootstrap);
            var raw = RawKafka.run(bootstrap, rawTopic, options.rawRecords(), IntakeStorm.record(run, 0, 0));
            System.out.println("2/6 report-to-feed latency");
            var cpu = new CpuUse(platform);
            var latency = FeedLatency.run(platform.url(Service.INCIDENT),
                    platform.url(Service.NOTIFICATION) + "/feed", LocalPlatform.demoApiKey(), "responder",
                    "responder-demo", run, options.reportRate(), options.reportDuration(), options.reportWarmup(),
                    cpu);
            var latencyCpu = cpu.stop();
            System.out.println("3/6 alert-storm intake");
            cpu.start();
            var intake = IntakeStorm.run(bootstrap, run, options.intakeRecords(), options.repeatShare());
            var intakeCpu = cpu.stop();
            System.out.println("4/6 alerts over HTTP: Alertmanager and the intake gateway side by side");
            var httpIntake = HttpIntakePhase.run(platform, options.dataDir().resolve("alertmanager"), run,
                    options.httpAlerts(), options.repeatShare(), options.httpConnections(), cpu);
            System.out.println("5/6 replay of the reporting read model");
            var replay = ReplayPhase.run(bootstrap, platform.url(Service.REPORTING), "admin", "admin-demo");
            System.out.println("6/6 raw Kafka baseline again");
            var rawAtEnd = RawKafka.run(bootstrap, rawTopic, options.rawRecords(), IntakeStorm.record(run, 0, 0));
            double rawConsume = Math.max(raw.consumedPerSecond(), rawAtEnd.consumedPerSecond());

            Map<String, Double> start = new LinkedHashMap<>();
            platform.startTimes().forEach((s, d) -> start.put(s.artifact(), d.toMillis() / 1000.0));
            Map<String, Long> rss = new LinkedHashMap<>();
            platform.residentKb().forEach((s, kb) -> rss.put(s.artifact(), kb / 1024));
            var results = new Results(Instant.now(), options, raw, rawAtEnd, intake,
                    intake.processedPerSecond() / rawConsume, latency, latencyCpu, intakeCpu, httpIntake, replay,
                    replay.eventsPerSecond() / rawConsume, start, rss);
            print(results);
            Files.createDirectories(options.output().toAbsolutePath().getParent());
            EventCodec.defaultMapper().copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(options.output().toFile(), results);
            System.out.println("Figures written to " + options.output().toAbsolutePath());
            return results;
        }
    }

    private static void print(Results r) {
        var out = new StringBuilder("\n");
        out.append(String.format("%-44s %14s%n", "measure", "value"));
        out.append(String.format("%-44s %,14.0f%n", "raw Kafka produce, records/s (" + r.rawKafka().recordBytes()
                + " B)", r.rawKafka().producedPerSecond()));
        out.append(String.format("%-44s %,14.0f%n", "raw Kafka consume, records/s", r.rawKafka().consumedPerSecond()));
        out.append(String.format("%-44s %,14.0f%n", "  again at the end: produce",
                r.rawKafkaAtEnd().producedPerSecond()));
        out.append(String.format("%-44s %,14.0f%n", "  again at the end: consume",
                r.rawKafkaAtEnd().consumedPerSecond()));
        out.append(String.format("%-44s %,14.0f%n", "intake published, records/s", r.intake().publishedPerSecond()));
        out.append(String.format("%-44s %,14.0f%n", "intake processed, records/s (" + r.intake().alerts()
                + " alerts)", r.intake().processedPerSecond()));
        out.append(String.format("%-44s %13.1f%%  (target >= 25%%)%n", "intake / raw consume (faster of the two)",
                100 * r.intakeToRawConsumeRatio()));
        out.append(String.format("%-44s %,14.0f%n", "  until every repeat is in its history, rec/s",
                r.intake().inHistoriesPerSecond()));
        var l = r.feedLatency();
        out.append(String.format("%-44s %14s%n", "feed latency at " + l.rate() + "/s for " + l.seconds() + " s",
                l.received() + "/" + l.sent() + " seen, " + l.failed() + " failed"));
        out.append(String.format("%-44s %14.1f%n", "  p50 ms", l.p50Ms()));
        out.append(String.format("%-44s %14.1f%n", "  p95 ms", l.p95Ms()));
        out.append(String.format("%-44s %14.1f  (target <= 100)%n", "  p99 ms", l.p99Ms()));
        out.append(String.format("%-44s %14.1f%n", "  max ms", l.maxMs()));
        for (var slice : l.slices()) {
            out.append(String.format("%-44s %14.1f  (max %.1f, %d seen)%n", "  p99 ms of the reports sent at "
                    + slice.fromSecond() + " s", slice.p99Ms(), slice.maxMs(), slice.received()));
        }
        printCpu(out, "latency window", r.latencyCpu(), l.sent(), "ms per report", 1e3);
        printCpu(out, "alert storm", r.intakeCpu(), r.intake().records(), "us per record", 1e6);
        printHttpIntake(out, r.httpIntake());
        out.append(String.format("%-44s %,14.0f%n", "replay, events/s (" + r.replay().events() + " events)",
                r.replay().eventsPerSecond()));
        out.append(String.format("%-44s %13.1f%%  (target >= 50%%)%n", "replay / raw consume (faster of the two)",
                100 * r.replayToRawConsumeRatio()));
        r.startSeconds().forEach((s, sec) -> out.append(String.format("%-44s %14.1f%n", s + " start, s", sec)));
        r.rssMegabytes().forEach((s, mb) -> out.append(String.format("%-44s %14d  (target <= 300)%n",
                s + " RSS, MB", mb)));
        System.out.println(out);
    }

    private static void printHttpIntake(StringBuilder out, HttpIntakePhase.Result http) {
        for (var side : http.sides()) {
            String batch = "alerts over HTTP, batch " + side.batch() + " (" + side.alerts() + ", "
                    + side.distinctAlerts() + " distinct)";
            out.append(String.format("%-44s %n", batch));
            if (http.alertmanagerMeasured()) {
                out.append(String.format("%-44s %,14.0f  (%.1f CPU s, %.1f us per alert)%n",
                        "  Alertmanager, alerts/s", side.alertmanagerPerSecond(), side.alertmanagerCpuSeconds(),
                        1e6 * side.alertmanagerCpuSeconds() / side.alerts()));
            } else {
                out.append(String.format("%-44s %14s%n", "  Alertmanager, alerts/s", "not installed"));
            }
            out.append(String.format("%-44s %,14.0f%n", "  gateway, durable on the broker, alerts/s",
                    side.gatewayPerSecond()));
            out.append(String.format("%-44s %,14.0f%n", "  gateway, until incident-service applied them",
                    side.gatewayToIncidentsPerSecond()));
            if (http.alertmanagerMeasured()) {
                out.append(String.format("%-44s %14.2f  (target >= 2)%n", "  gateway / Alertmanager", side.ratio()));
                out.append(String.format("%-44s %14.2f  (target >= 1)%n", "  to incidents / Alertmanager",
                        side.toIncidentsRatio()));
            }
            printCpu(out, "gateway's batch-" + side.batch() + " run", side.gatewayCpu(), side.alerts(),
                    "us per alert", 1e6);
        }
        out.append(String.format("%-44s %14d  (target <= 128)%n", "gateway RSS after the HTTP phase, MB",
                http.gatewayRssMegabytes()));
    }

    /** Processor seconds by process over a phase, and per item of its work. */
    private static void printCpu(StringBuilder out, String phase, CpuUse.Share cpu, int items, String per,
                                 double scale) {
        out.append(String.format("%-44s %14.1f  (%.1f s on %d cores: %.0f%% busy)%n", "CPU s in the " + phase,
                cpu.totalCpuSeconds(), cpu.wallSeconds(), cpu.cores(), 100 * cpu.busy()));
        cpu.cpuSeconds().forEach((part, seconds) -> out.append(String.format("%-44s %14.1f  (%.2f %s)%n",
                "  " + part, seconds, scale * seconds / items, per)));
    }

    private static void deleteRecursively(java.nio.file.Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (var p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
