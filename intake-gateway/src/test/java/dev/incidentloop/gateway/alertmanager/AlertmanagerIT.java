package dev.incidentloop.gateway.alertmanager;

import static dev.incidentloop.gateway.GatewayClient.json;
import static dev.incidentloop.gateway.GatewayClient.reportsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.IntakeReport;
import dev.incidentloop.gateway.GatewayClient;
import dev.incidentloop.gateway.GatewayIntegrationTest;
import dev.incidentloop.testsupport.Alertmanager;
import dev.incidentloop.testsupport.KafkaProbe;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Alertmanager's webhook against the real broker, sent by a real Alertmanager process and by hand. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertmanagerIT extends GatewayIntegrationTest {

    @Test
    void a_real_alertmanager_fires_and_then_resolves_an_alert_into_one_dedup_key() throws Exception {
        String name = "am-" + UUID.randomUUID().toString().substring(0, 8);
        String key = gateway.createIntegration("""
                {"name": "%s", "category": "it-service", "team": "sre"}""".formatted(name));
        String config = """
                route:
                  receiver: gateway
                  group_by: [alertname]
                  group_wait: 0s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: gateway
                    webhook_configs:
                      - url: %s
                        send_resolved: true
                        http_config:
                          authorization:
                            credentials: %s
                """.formatted(gateway.url("/alertmanager"), key);
        String alert = """
                [{"labels": {"alertname": "DiskFull", "instance": "db-1:9100", "severity": "critical"},
                  "annotations": {"summary": "Disk almost full on db-1", "description": "97%% used"},
                  "generatorURL": "http://prometheus.example/graph?g0.expr=disk", "startsAt": "%s"%s}]""";
        Instant started = Instant.now();

        try (Alertmanager alertmanager = Alertmanager.start(config); KafkaProbe intake = GatewayClient.intake()) {
            assertThat(alertmanager.postAlerts(alert.formatted(started, ""))).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> !reportsOf(intake, name).isEmpty());
            IntakeReport fired = reportsOf(intake, name).getFirst();

            assertThat(alertmanager.postAlerts(alert.formatted(started,
                    ", \"endsAt\": \"" + Instant.now() + "\""))).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> reportsOf(intake, name).stream()
                    .anyMatch(r -> r.effectiveAction() == IntakeReport.Action.RESOLVE));

            assertThat(fired.effectiveAction()).isEqualTo(IntakeReport.Action.TRIGGER);
            assertThat(fired.title()).isEqualTo("Disk almost full on db-1");
            assertThat(fired.description()).isEqualTo("97% used");
            assertThat(fired.category()).isEqualTo(Category.IT_SERVICE);
            assertThat(fired.classification()).isEqualTo(new Classification.ItService(1, 1));
            assertThat(fired.reportedBy()).isEqualTo(name);
            assertThat(fired.team()).isEqualTo("sre");
            assertThat(fired.details()).containsEntry("labels", Map.of("alertname", "DiskFull",
                    "instance", "db-1:9100", "severity", "critical"));
            assertThat(fired.links()).containsExactly(new IntakeReport.Link(
                    "http://prometheus.example/graph?g0.expr=disk", "generatorURL"));
            assertThat(reportsOf(intake, name)).extracting(IntakeReport::effectiveDedupKey)
                    .containsOnly(fired.effectiveDedupKey()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(fired.effectiveDedupKey()).matches("[0-9a-f]{16}");
        }
    }

    @Test
    void grafanas_webhook_with_the_key_in_the_path_is_taken_with_its_links() {
        String name = "grafana-" + UUID.randomUUID().toString().substring(0, 8);
        String key = gateway.createIntegration("""
                {"name": "%s", "category": "it-service", "severityLabel": "level"}""".formatted(name));

        HttpResponse<String> response = gateway.post("/alertmanager/" + key, """
                {"receiver": "incident-loop", "status": "firing", "orgId": 1, "version": "1",
                 "groupKey": "{}:{alertname=\\"HighLatency\\"}", "truncatedAlerts": 0,
                 "title": "[FIRING:1] HighLatency", "state": "alerting", "message": "...",
                 "groupLabels": {"alertname": "HighLatency"}, "commonLabels": {}, "commonAnnotations": {},
                 "externalURL": "http://grafana.example/",
                 "alerts": [{"status": "firing", "labels": {"alertname": "HighLatency", "level": "error"},
                             "annotations": {}, "startsAt": "2026-12-07T10:00:00Z", "endsAt": "0001-01-01T00:00:00Z",
                             "generatorURL": "http://grafana.example/alerting/grafana/abc/view",
                             "fingerprint": "57c6d9296de2ad39", "silenceURL": "http://grafana.example/silence",
                             "dashboardURL": "http://grafana.example/d/xyz", "panelURL": "http://grafana.example/d/xyz?viewPanel=2",
                             "values": {"B": 1.5}, "valueString": "[ var='B' value=1.5 ]"}]}""", Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(json(response.body()).get("accepted").asInt()).isEqualTo(1);
        try (KafkaProbe intake = GatewayClient.intake()) {
            IntakeReport report = GatewayClient.decode(intake.awaitRecord(r -> r.key().equals("57c6d9296de2ad39"),
                    Duration.ofSeconds(30)).value());
            assertThat(report.title()).isEqualTo("HighLatency");
            assertThat(report.severity()).isEqualTo("error");
            assertThat(report.classification()).isEqualTo(new Classification.ItService(1, 2));
            assertThat(report.links()).extracting(IntakeReport.Link::text)
                    .containsExactly("generatorURL", "dashboardURL", "panelURL", "silenceURL");
            assertThat(report.details()).containsEntry("valueString", "[ var='B' value=1.5 ]");
        }
    }

    @Test
    void a_malformed_webhook_is_problem_json_naming_the_field_and_nothing_reaches_kafka() {
        String name = "am-" + UUID.randomUUID().toString().substring(0, 8);
        String key = gateway.createIntegration("""
                {"name": "%s", "category": "it-service"}""".formatted(name));
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + key);

        HttpResponse<String> notArray = gateway.post("/alertmanager", "{\"alerts\": {\"status\": \"firing\"}}", bearer);
        HttpResponse<String> badAlert = gateway.post("/alertmanager", """
                {"alerts": [{"status": "firing", "labels": {"alertname": "A"}, "fingerprint": "f1"},
                            {"status": "pending", "labels": {"alertname": 3}}]}""", bearer);
        HttpResponse<String> notJson = gateway.post("/alertmanager", "alerts=1", bearer);
        HttpResponse<String> noKey = gateway.post("/alertmanager", "{\"alerts\": []}", Map.of());

        assertThat(notArray.statusCode()).isEqualTo(400);
        assertThat(notArray.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(notArray.body()).get("errors").get(0).get("field").asText()).isEqualTo("alerts");
        assertThat(json(badAlert.body()).get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("alerts[1].status", "alerts[1].labels.alertname");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(noKey.statusCode()).isEqualTo(401);
        try (KafkaProbe intake = GatewayClient.intake()) {
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> reportsOf(intake, name).isEmpty());
        }
    }
}
