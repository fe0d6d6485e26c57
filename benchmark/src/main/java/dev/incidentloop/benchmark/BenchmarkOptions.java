package dev.incidentloop.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What to run, from {@code --name=value} arguments.
 *
 * @param intakeRecords  records published in the alert storm
 * @param repeatShare    share of them that repeat an alert already raised
 * @param rawRecords     records for the raw Kafka baseline
 * @param reportRate     reports per second over HTTP in the latency phase
 * @param reportDuration how long the latency phase reports
 * @param reportWarmup   how long it reports before that, not counted, to let the services' code be compiled
 * @param httpAlerts     alerts sent over HTTP to Alertmanager and to the gateway, at each batch size
 * @param httpConnections keep-alive connections the HTTP load keeps busy
 */
record BenchmarkOptions(int intakeRecords, double repeatShare, int rawRecords, int reportRate,
                        Duration reportDuration, Duration reportWarmup, int httpAlerts, int httpConnections,
                        Path dataDir, Path servicesDir, Path output) {

    private static final List<String> NAMES = List.of("intake-records", "repeat-share", "raw-records",
            "report-rate", "report-seconds", "warmup-seconds", "http-alerts", "http-connections", "data", "services",
            "output");

    static BenchmarkOptions parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            if (!NAMES.contains(kv[0])) {
                throw new IllegalArgumentException("unknown option --" + kv[0] + "; known: " + NAMES);
            }
            given.put(kv[0], kv[1]);
        }
        var options = new BenchmarkOptions(
                Integer.parseInt(given.getOrDefault("intake-records", "1000000")),
                Double.parseDouble(given.getOrDefault("repeat-share", "0.9")),
                Integer.parseInt(given.getOrDefault("raw-records", "1000000")),
                Integer.parseInt(given.getOrDefault("report-rate", "200")),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("report-seconds", "60"))),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("warmup-seconds", "10"))),
                Integer.parseInt(given.getOrDefault("http-alerts", "100000")),
                Integer.parseInt(given.getOrDefault("http-connections", "8")),
                Path.of(given.getOrDefault("data", "target/benchmark-data")),
                Path.of(given.getOrDefault("services", "local-launcher/target/services")),
                Path.of(given.getOrDefault("output", "target/benchmark-results.json")));
        if (options.repeatShare() < 0 || options.repeatShare() >= 1) {
            throw new IllegalArgumentException("--repeat-share must be at least 0 and below 1");
        }
        return options;
    }
}
