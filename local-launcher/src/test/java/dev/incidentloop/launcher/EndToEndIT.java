package dev.incidentloop.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.Topics;
import dev.incidentloop.testsupport.Alertmanager;
import dev.incidentloop.testsupport.Chromium;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton, end to end: the embedded default (real KRaft broker, real PostgreSQL, four service
 * processes and the intake gateway) started from the built jars, incidents driven through it over HTTP, a restart on
 * the same data, then alerts from a real Alertmanager and a PagerDuty-style client through the gateway.
 */
class EndToEndIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Long enough to outlast the rest of the first run, short enough to pass soon after the restart. */
    private static final Duration P4_TARGET = Duration.ofSeconds(25);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final EventCodec codec = new EventCodec();

    @TempDir
    Path data;

    @Test
    void an_incident_travels_through_all_four_services_and_the_platform_survives_a_restart() throws Exception {
        PlatformConfig config = config();
        Instant testStart = Instant.now();
        UUID first;
        UUID second;
        UUID pending;
        UUID acknowledgedInTheConsole;
        Instant restartedAt;
        String integrationKey;

        try (LocalPlatform platform = LocalPlatform.start(config);
             SseReader feed = new SseReader(platform.url(Service.NOTIFICATION) + "/feed",
                     basic("responder", "responder-demo"))) {
            report("platform started", platform);

            first = UUID.fromString(post(platform, Service.INCIDENT, "/incidents", "reporter", """
                    {"title":"Mail server unreachable","category":"it-service","impact":2,"urgency":2}""", 201)
                    .get("incidentId").asText());

            // the stored event reaches Kafka
            awaitRecord(platform, Topics.INCIDENT_EVENTS.name(),
                    r -> r.key().equals(first.toString()) && decode(r).data() instanceof IncidentReported);
            // on-call staff see it on the live feed
            await().atMost(WAIT).until(() -> feed.data().stream().anyMatch(d -> d.contains(first.toString())
                    && d.contains("dev.incidentloop.incident.reported")));
            // nobody acknowledges within the (shortened) P3 target: escalation-service escalates
            awaitRecord(platform, Topics.ESCALATION_EVENTS.name(),
                    r -> r.key().equals(first.toString()) && decode(r).data() instanceof IncidentEscalated);
            await().atMost(WAIT).until(() -> feed.data().stream().anyMatch(d -> d.contains(first.toString())
                    && d.contains("dev.incidentloop.escalation.escalated")));

            post(platform, Service.INCIDENT, "/incidents/" + first + "/acknowledge", "responder", null, 200);
            post(platform, Service.INCIDENT, "/incidents/" + first + "/resolve", "responder",
                    "{\"resolutionCode\":\"config-fix\",\"notes\":\"relay restarted\"}", 200);

            String period = "/kpi/summary?from=" + testStart.minusSeconds(60) + "&to=" + Instant.now().plusSeconds(60);
            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode kpi = get(platform, Service.REPORTING, period, "analyst");
                assertThat(kpi.get("total").asLong()).isEqualTo(1);
                assertThat(kpi.get("acknowledged").asLong()).isEqualTo(1);
                assertThat(kpi.get("resolved").asLong()).isEqualTo(1);
                assertThat(kpi.get("escalated").asLong()).isEqualTo(1);
                assertThat(kpi.get("timeToResolve").get("meanSeconds").asDouble()).isPositive();
            });

            acknowledgedInTheConsole = acknowledgeFromTheConsole(platform);

            second = UUID.fromString(post(platform, Service.INCIDENT, "/incidents", "reporter", """
                    {"title":"Badge reader offline","category":"it-service","impact":3,"urgency":3}""", 201)
                    .get("incidentId").asText());
            awaitRecord(platform, Topics.INCIDENT_EVENTS.name(), r -> r.key().equals(second.toString()));

            // a P4 incident whose response deadline is still ahead when the platform stops
            pending = UUID.fromString(post(platform, Service.INCIDENT, "/incidents", "reporter", """
                    {"title":"Projector flickers","category":"it-service","impact":2,"urgency":3}""", 201)
                    .get("incidentId").asText());
            await().atMost(WAIT).untilAsserted(() -> assertThat(get(platform, Service.ESCALATION,
                    "/clocks/" + pending, "responder").get(0).get("breachedAt").isNull()).isTrue());
            // an integration for the monitoring systems, created before the restart: it must outlive it
            integrationKey = post(platform, Service.GATEWAY, "/integrations", "admin", """
                    {"name": "prometheus", "category": "it-service", "team": "sre"}""", 201).get("key").asText();
            report("before restart", platform);
        }

        restartedAt = Instant.now();
        try (LocalPlatform platform = LocalPlatform.start(config)) {
            report("restarted", platform);
            // the deadline was stored, not held in memory: the restarted service fires it
            var escalation = awaitRecord(platform, Topics.ESCALATION_EVENTS.name(),
                    r -> r.key().equals(pending.toString()) && decode(r).data() instanceof IncidentEscalated);
            assertThat(decode(escalation).time()).isAfter(restartedAt);

            post(platform, Service.INCIDENT, "/incidents/" + second + "/acknowledge", "responder", null, 200);
            JsonNode resolved = post(platform, Service.INCIDENT, "/incidents/" + second + "/resolve", "responder",
                    "{\"resolutionCode\":\"replaced\"}", 200);
            assertThat(resolved.get("state").asText()).isEqualTo("RESOLVED");

            List<ConsumerRecord<String, byte[]>> all = readUntil(platform, Topics.INCIDENT_EVENTS.name(),
                    r -> r.key().equals(second.toString()) && decode(r).data() instanceof IncidentResolved);
            assertThat(all).filteredOn(r -> decode(r).data() instanceof IncidentReported)
                    .as("each report published once, also across the restart")
                    .extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder(first.toString(), second.toString(), pending.toString(),
                            acknowledgedInTheConsole.toString());
            await().atMost(WAIT).untilAsserted(() -> assertThat(get(platform, Service.REPORTING,
                    "/sla/" + second, "analyst").get("resolvedAt").isNull()).isFalse());

            alertsThroughTheGateway(platform, integrationKey);
        }
    }

    /**
     * Monitoring systems through the intake gateway: a real Alertmanager fires and then resolves an alert, a
     * PagerDuty-style client triggers, acknowledges and resolves; each opens an incident that ends resolved.
     */
    private void alertsThroughTheGateway(LocalPlatform platform, String key) throws Exception {
        String config = """
                route:
                  receiver: platform
                  group_wait: 0s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: platform
                    webhook_configs:
                      - url: %s/alertmanager/%s
                        send_resolved: true
                """.formatted(platform.url(Service.GATEWAY), key);
        String alert = """
                [{"labels": {"alertname": "QueueBacklog", "severity": "error"},
                  "annotations": {"summary": "Payment queue backlog over 10k"}, "startsAt": "%s"%s}]""";
        Instant firedAt = Instant.now();
        try (Alertmanager alertmanager = Alertmanager.start(config)) {
            assertThat(alertmanager.postAlerts(alert.formatted(firedAt, ""))).isEqualTo(200);
            UUID fromAlertmanager = awaitReported(platform, "Payment queue backlog over 10k");
            assertThat(alertmanager.postAlerts(alert.formatted(firedAt, ", \"endsAt\": \"" + Instant.now() + "\"")))
                    .isEqualTo(200);
            awaitRecord(platform, Topics.INCIDENT_EVENTS.name(),
                    r -> r.key().equals(fromAlertmanager.toString()) && decode(r).data() instanceof IncidentResolved);
        }

        for (String action : List.of("trigger", "acknowledge", "resolve")) {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create(platform.url(Service.GATEWAY) + "/v2/enqueue"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                            {"routing_key": "%s", "event_action": "%s", "dedup_key": "db-7/disk",
                             "payload": {"summary": "Disk full on db-7", "source": "db-7", "severity": "critical"}}"""
                            .formatted(key, action))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            if (action.equals("trigger")) {
                UUID incident = awaitReported(platform, "Disk full on db-7");
                await().atMost(WAIT).untilAsserted(() -> assertThat(get(platform, Service.INCIDENT,
                        "/incidents/" + incident, "responder").get("priority").asText()).isEqualTo("P1"));
            }
        }
        UUID fromPagerDuty = awaitReported(platform, "Disk full on db-7");
        awaitRecord(platform, Topics.INCIDENT_EVENTS.name(),
                r -> r.key().equals(fromPagerDuty.toString()) && decode(r).data() instanceof IncidentAcknowledged);
        awaitRecord(platform, Topics.INCIDENT_EVENTS.name(),
                r -> r.key().equals(fromPagerDuty.toString()) && decode(r).data() instanceof IncidentResolved);
    }

    /** The incident a monitoring system's report with this title opened (reported through the gateway). */
    private UUID awaitReported(LocalPlatform platform, String title) {
        var reported = awaitRecord(platform, Topics.INCIDENT_EVENTS.name(), r -> decode(r).data()
                instanceof IncidentReported e && e.title().equals(title) && e.channel().equals("intake:prometheus"));
        return UUID.fromString(reported.key());
    }

    /**
     * The on-call console in a real headless Chromium: the page loads from notification-service, the responder logs
     * in, a new incident arrives over SSE, and a click on Acknowledge calls incident-service from the browser.
     */
    private UUID acknowledgeFromTheConsole(LocalPlatform platform) throws Exception {
        try (Chromium chromium = Chromium.start()) {
            ChromeDriver browser = chromium.driver();
            browser.get(platform.url(Service.NOTIFICATION) + "/console");
            browser.findElement(By.id("user")).sendKeys("responder");
            browser.findElement(By.id("password")).sendKeys("responder-demo");
            new Select(browser.findElement(By.id("feed"))).selectByValue("/feed");
            browser.findElement(By.id("connect")).click();
            var wait = new WebDriverWait(browser, WAIT);
            wait.until(b -> "true".equals(b.findElement(By.tagName("body")).getAttribute("data-connected")));

            UUID incident = UUID.fromString(post(platform, Service.INCIDENT, "/incidents", "reporter", """
                    {"title":"Conveyor belt stopped","category":"it-service","impact":2,"urgency":2}""", 201)
                    .get("incidentId").asText());
            By reported = By.cssSelector("tr[data-incident='" + incident + "'][data-type='"
                    + "dev.incidentloop.incident.reported']");
            WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(reported));
            assertThat(row.getText()).contains("Conveyor belt stopped");

            row.findElement(By.cssSelector("button.acknowledge")).click();
            wait.until(ExpectedConditions.textToBePresentInElement(row.findElement(By.className("outcome")),
                    "now IN_PROGRESS"));
            JsonNode acknowledged = get(platform, Service.INCIDENT, "/incidents/" + incident, "responder");
            assertThat(acknowledged.get("state").asText()).isEqualTo("IN_PROGRESS");
            assertThat(acknowledged.get("acknowledgedBy").asText()).isEqualTo("responder");
            return incident;
        }
    }

    private PlatformConfig config() {
        return PlatformConfig.onFreePorts(data, Path.of("target/services"),
                Map.of(Service.ESCALATION, List.of("--escalation.response-targets.P3=3s",
                        "--escalation.response-targets.P4=" + P4_TARGET.toSeconds() + "s",
                        "--db-scheduler.polling-interval=500ms")));
    }

    private static void report(String moment, LocalPlatform platform) {
        StringBuilder line = new StringBuilder("[end-to-end] ").append(moment).append(':');
        platform.startTimes().forEach((service, took) -> line.append(String.format(" %s started in %.1f s,",
                service.artifact(), took.toMillis() / 1000.0)));
        platform.residentKb().forEach((service, kb) -> line.append(String.format(" %s RSS %d MB,",
                service.artifact(), kb / 1024)));
        System.out.println(line);
    }

    private ConsumerRecord<String, byte[]> awaitRecord(LocalPlatform platform, String topic,
                                                      Predicate<ConsumerRecord<String, byte[]>> matching) {
        return readUntil(platform, topic, matching).stream().filter(matching).findFirst().orElseThrow();
    }

    /** Reads the topic from the beginning until a record matches; returns every record read. */
    private List<ConsumerRecord<String, byte[]>> readUntil(LocalPlatform platform, String topic,
                                                          Predicate<ConsumerRecord<String, byte[]>> matching) {
        try (var consumer = TopicReader.fromStart(platform, topic)) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return seen.stream().anyMatch(matching);
            });
            return seen;
        }
    }

    private EventEnvelope decode(ConsumerRecord<String, byte[]> record) {
        return codec.decode(record.value());
    }

    private static JsonNode post(LocalPlatform platform, Service service, String path, String user, String json,
                                 int expectedStatus) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(platform.url(service) + path))
                .header("Authorization", basic(user, user + "-demo"))
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(expectedStatus);
        return EventCodec.defaultMapper().readTree(response.body());
    }

    private static JsonNode get(LocalPlatform platform, Service service, String path, String user)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(platform.url(service) + path))
                .header("Authorization", basic(user, user + "-demo")).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return EventCodec.defaultMapper().readTree(response.body());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
