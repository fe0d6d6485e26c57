package dev.incidentloop.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * What to run, from {@code --name=value} arguments.
 *
 * @param intakeRecords  records published in the alert storm
 * @param repeatShare    share of them that repeat an alert already raised
 * @param rawRecords     records for the raw Kafka baseline
 * @param reportRate     reports per second over HTTP in the latency phase
 * @param reportDuration how long the latency phase reports
 */
record BenchmarkOptions(int intakeRecords, double repeatShare, int rawRecords, int reportRate,
                        Duration reportDuration, Path dataDir, Path servicesDir, Path output) {

    static BenchmarkOptions parse(String... args) {
        var defaults = new BenchmarkOptions(1_000_000, 0.9, 1_000_000, 200, Duration.ofSeconds(60),
                Path.of("target/benchmark-data"), Path.of("local-launcher/target/services"),
                Path.of("target/benchmark-results.json"));
        return defaults.with(args);
    }

    BenchmarkOptions with(String... args) {
        BenchmarkOptions o = this;
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            String v = kv[1];
            o = switch (kv[0]) {
                case "intake-records" -> new BenchmarkOptions(Integer.parseInt(v), o.repeatShare, o.rawRecords,
                        o.reportRate, o.reportDuration, o.dataDir, o.servicesDir, o.output);
                case "repeat-share" -> new BenchmarkOptions(o.intakeRecords, Double.parseDouble(v), o.rawRecords,
                        o.reportRate, o.reportDuration, o.dataDir, o.servicesDir, o.output);
                case "raw-records" -> new BenchmarkOptions(o.intakeRecords, o.repeatShare, Integer.parseInt(v),
                        o.reportRate, o.reportDuration, o.dataDir, o.servicesDir, o.output);
                case "report-rate" -> new BenchmarkOptions(o.intakeRecords, o.repeatShare, o.rawRecords,
                        Integer.parseInt(v), o.reportDuration, o.dataDir, o.servicesDir, o.output);
                case "report-seconds" -> new BenchmarkOptions(o.intakeRecords, o.repeatShare, o.rawRecords,
                        o.reportRate, Duration.ofSeconds(Long.parseLong(v)), o.dataDir, o.servicesDir, o.output);
                case "data" -> new BenchmarkOptions(o.intakeRecords, o.repeatShare, o.rawRecords, o.reportRate,
                        o.reportDuration, Path.of(v), o.servicesDir, o.output);
                case "services" -> new BenchmarkOptions(o.intakeRecords, o.repeatShare, o.rawRecords, o.reportRate,
                        o.reportDuration, o.dataDir, Path.of(v), o.output);
                case "output" -> new BenchmarkOptions(o.intakeRecords, o.repeatShare, o.rawRecords, o.reportRate,
                        o.reportDuration, o.dataDir, o.servicesDir, Path.of(v));
                default -> throw new IllegalArgumentException("unknown option --" + kv[0] + "; known: "
                        + Arrays.toString(new String[] {"intake-records", "repeat-share", "raw-records",
                        "report-rate", "report-seconds", "data", "services", "output"}));
            };
        }
        if (o.repeatShare < 0 || o.repeatShare >= 1) {
            throw new IllegalArgumentException("--repeat-share must be at least 0 and below 1");
        }
        return o;
    }
}
