package dev.incidentloop.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of the harness with tiny numbers, so that it keeps working; the figures of such a run mean nothing and are
 * not checked against targets.
 */
class BenchmarkSmokeIT {

    @TempDir
    Path temp;

    @Test
    void a_tiny_run_measures_every_phase_and_writes_its_figures() throws Exception {
        Path output = temp.resolve("results.json");
        var options = BenchmarkOptions.parse("--intake-records=2000", "--raw-records=2000", "--report-rate=20",
                "--report-seconds=3", "--warmup-seconds=1", "--http-alerts=2000", "--data=" + temp.resolve("data"), "--services=../local-launcher/target/services",
                "--output=" + output);

        var results = Benchmark.run(options);

        assertThat(results.rawKafka().consumedPerSecond()).isPositive();
        assertThat(results.rawKafkaAtEnd().consumedPerSecond()).isPositive();
        assertThat(results.intakeToRawConsumeRatio()).isEqualTo(results.intake().processedPerSecond()
                / Math.max(results.rawKafka().consumedPerSecond(), results.rawKafkaAtEnd().consumedPerSecond()));
        assertThat(results.intake().alerts()).isEqualTo(200);
        assertThat(results.intake().processedPerSecond()).isPositive();
        assertThat(results.feedLatency().sent()).isEqualTo(60);
        assertThat(results.feedLatency().received()).isEqualTo(60);
        assertThat(results.feedLatency().slices()).singleElement().satisfies(slice -> {
            assertThat(slice.fromSecond()).isZero();
            assertThat(slice.received()).isEqualTo(60);
            assertThat(slice.maxMs()).isEqualTo(results.feedLatency().maxMs());
        });
        for (var cpu : new CpuUse.Share[] {results.latencyCpu(), results.intakeCpu()}) {
            assertThat(cpu.cpuSeconds()).containsOnlyKeys("incident-service", "escalation-service",
                    "notification-service", "reporting-service", "intake-gateway", CpuUse.POSTGRES,
                    CpuUse.BROKER_AND_BENCHMARK);
            // every part but the gateway works in both phases: the reports and the storm go through all of them
            assertThat(cpu.cpuSeconds().entrySet()).filteredOn(part -> !part.getKey().equals("intake-gateway"))
                    .allSatisfy(part -> assertThat(part.getValue()).as(part.getKey()).isPositive());
            assertThat(cpu.busy()).isPositive().isLessThanOrEqualTo(1.05);
        }
        var http = results.httpIntake();
        assertThat(http.alertmanagerMeasured()).as("Debian's prometheus-alertmanager is installed").isTrue();
        assertThat(http.sides()).extracting(HttpIntakePhase.Side::batch).containsExactly(1, 50);
        assertThat(http.sides()).allSatisfy(side -> {
            assertThat(side.alerts()).isEqualTo(2000);
            assertThat(side.distinctAlerts()).isEqualTo(200);
            assertThat(side.alertmanagerPerSecond()).isPositive();
            assertThat(side.gatewayPerSecond()).isPositive().isGreaterThanOrEqualTo(side.gatewayToIncidentsPerSecond());
            assertThat(side.gatewayStatuses()).containsOnlyKeys(202);
            assertThat(side.gatewayCpu().cpuSeconds().get("intake-gateway")).isPositive();
            assertThat(side.gatewayCpu().cpuSeconds().get("incident-service")).isPositive();
        });
        assertThat(http.gatewayRssMegabytes()).isPositive();
        assertThat(results.replay().events()).isPositive();
        assertThat(results.rssMegabytes()).hasSize(5).allSatisfy((service, mb) -> assertThat(mb).isPositive());
        assertThat(Files.readString(output)).contains("\"intakeToRawConsumeRatio\"", "\"p99Ms\"",
                "\"replayToRawConsumeRatio\"", "\"httpIntake\"");
    }
}
