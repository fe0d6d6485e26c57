package dev.incidentloop.gateway.pagerduty;

import static dev.incidentloop.gateway.GatewayClient.json;
import static dev.incidentloop.gateway.GatewayClient.reportsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.IntakeReport;
import dev.incidentloop.gateway.GatewayClient;
import dev.incidentloop.gateway.GatewayIntegrationTest;
import dev.incidentloop.testsupport.KafkaProbe;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** PagerDuty's Events API v2 against the real broker: what its clients send, and what they are answered. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagerDutyIT extends GatewayIntegrationTest {

    @Test
    void a_trigger_acknowledge_resolve_sequence_becomes_three_intake_records_of_the_integration() {
        String name = "pd-" + UUID.randomUUID().toString().substring(0, 8);
        String key = gateway.createIntegration("""
                {"name": "%s", "category": "it-service", "team": "payments"}""".formatted(name));

        // PagerDuty's own curl example, with this gateway's key as routing key
        HttpResponse<String> trigger = gateway.post("/v2/enqueue", """
                {"payload": {"summary": "DISK at 99%% on machine prod-datapipe03.example.com",
                             "timestamp": "2015-07-17T08:42:58.315+0000", "severity": "critical",
                             "source": "prod-datapipe03.example.com", "component": "mysql", "group": "prod-datapipe",
                             "class": "disk", "custom_details": {"free space": "1%%", "ping time": "1500ms"}},
                 "routing_key": "%s", "dedup_key": "srv01/mysql", "event_action": "trigger",
                 "client": "Sample Monitoring Service", "client_url": "https://monitoring.example.com",
                 "links": [{"href": "http://pagerduty.example.com", "text": "An example link."}],
                 "images": [{"src": "https://www.pagerduty.com/wp-content/uploads/2016/05/pagerduty-logo-green.png",
                             "href": "https://example.com/", "alt": "Example text"}]}""".formatted(key), Map.of());
        HttpResponse<String> acknowledge = gateway.post("/v2/enqueue", """
                {"routing_key": "%s", "dedup_key": "srv01/mysql", "event_action": "acknowledge"}""".formatted(key),
                Map.of());
        HttpResponse<String> resolve = gateway.post("/v2/enqueue", """
                {"routing_key": "%s", "dedup_key": "srv01/mysql", "event_action": "resolve"}""".formatted(key),
                Map.of());

        for (HttpResponse<String> response : List.of(trigger, acknowledge, resolve)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            JsonNode body = json(response.body());
            assertThat(body.get("status").asText()).isEqualTo("success");
            assertThat(body.get("message").asText()).isEqualTo("Event processed");
            assertThat(body.get("dedup_key").asText()).isEqualTo("srv01/mysql");
        }
        try (KafkaProbe intake = GatewayClient.intake()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reportsOf(intake, name).size() == 3);
            List<IntakeReport> reports = reportsOf(intake, name);
            assertThat(reports).extracting(IntakeReport::effectiveAction).containsExactly(
                    IntakeReport.Action.TRIGGER, IntakeReport.Action.ACKNOWLEDGE, IntakeReport.Action.RESOLVE);
            IntakeReport opened = reports.getFirst();
            assertThat(opened.title()).isEqualTo("DISK at 99% on machine prod-datapipe03.example.com");
            assertThat(opened.reportedBy()).isEqualTo(name);
            assertThat(opened.team()).isEqualTo("payments");
            assertThat(opened.severity()).isEqualTo("critical");
            assertThat(opened.classification()).isEqualTo(new Classification.ItService(1, 1));
            assertThat(opened.details()).containsEntry("component", "mysql").containsEntry("class", "disk")
                    .containsEntry("custom_details", Map.of("free space", "1%", "ping time", "1500ms"));
            assertThat(opened.links()).containsExactly(
                    new IntakeReport.Link("http://pagerduty.example.com", "An example link."),
                    new IntakeReport.Link("https://monitoring.example.com", "Sample Monitoring Service"));
            assertThat(reports).extracting(IntakeReport::dedupKey).containsOnly("srv01/mysql");
        }
    }

    @Test
    void a_trigger_without_a_dedup_key_gets_one_and_is_told_it() {
        String name = "pd-" + UUID.randomUUID().toString().substring(0, 8);
        String key = gateway.createIntegration("""
                {"name": "%s", "category": "it-service"}""".formatted(name));

        HttpResponse<String> response = gateway.post("/v2/enqueue", """
                {"routing_key": "%s", "event_action": "trigger",
                 "payload": {"summary": "Ping failed", "source": "probe-7", "severity": "info"}}""".formatted(key),
                Map.of());

        assertThat(response.statusCode()).isEqualTo(202);
        String dedupKey = json(response.body()).get("dedup_key").asText();
        assertThat(dedupKey).isNotBlank();
        try (KafkaProbe intake = GatewayClient.intake()) {
            IntakeReport report = GatewayClient.decode(intake.awaitRecord(r -> r.key().equals(dedupKey),
                    Duration.ofSeconds(30)).value());
            assertThat(report.classification()).isEqualTo(new Classification.ItService(3, 3));
        }
    }

    @Test
    void an_invalid_event_is_answered_in_pagerdutys_shape_naming_each_field_and_nothing_reaches_kafka() {
        String name = "pd-" + UUID.randomUUID().toString().substring(0, 8);
        String key = gateway.createIntegration("""
                {"name": "%s", "category": "it-service"}""".formatted(name));

        HttpResponse<String> response = gateway.post("/v2/enqueue", """
                {"routing_key": "%s", "event_action": "trigger",
                 "payload": {"summary": "%s", "source": 7, "severity": "fatal"}}"""
                .formatted(key, "x".repeat(1025)), Map.of());
        HttpResponse<String> unknownAction = gateway.post("/v2/enqueue", """
                {"routing_key": "%s", "event_action": "snooze", "dedup_key": "a"}""".formatted(key), Map.of());
        HttpResponse<String> notJson = gateway.post("/v2/enqueue", "{\"routing_key\": ", Map.of());
        HttpResponse<String> resolveWithoutKey = gateway.post("/v2/enqueue", """
                {"routing_key": "%s", "event_action": "resolve"}""".formatted(key), Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json(response.body());
        assertThat(body.get("status").asText()).isEqualTo("invalid event");
        assertThat(body.get("message").asText()).isEqualTo("Event object is invalid");
        assertThat(body.get("errors")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                "'payload.summary' must be at most 1024 characters",
                "'payload.source' must be a string",
                "'payload.severity' must be one of critical, error, warning, info");
        assertThat(json(unknownAction.body()).get("errors")).extracting(JsonNode::asText)
                .containsExactly("'event_action' must be one of trigger, acknowledge, resolve");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson.body()).get("errors").get(0).asText()).startsWith("the body is not JSON");
        assertThat(json(resolveWithoutKey.body()).get("errors").get(0).asText()).startsWith("'dedup_key'");
        try (KafkaProbe intake = GatewayClient.intake()) {
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> reportsOf(intake, name).isEmpty());
        }
    }

    @Test
    void an_unknown_routing_key_is_an_invalid_event_not_silence() {
        HttpResponse<String> response = gateway.post("/v2/enqueue", """
                {"routing_key": "0123456789abcdef0123456789abcdef", "event_action": "trigger",
                 "payload": {"summary": "s", "source": "h", "severity": "error"}}""", Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("errors")).extracting(JsonNode::asText)
                .containsExactly("'routing_key' is not the key of an integration of this gateway");
    }

    @Test
    void an_integration_sending_faster_than_its_rate_is_answered_429_with_retry_after() {
        String name = "pd-" + UUID.randomUUID().toString().substring(0, 8);
        String key = gateway.createIntegration("""
                {"name": "%s", "category": "it-service", "eventsPerMinute": 2}""".formatted(name));
        String event = """
                {"routing_key": "%s", "event_action": "trigger", "dedup_key": "k",
                 "payload": {"summary": "s", "source": "h", "severity": "error"}}""".formatted(key);

        List<HttpResponse<String>> responses = List.of(gateway.post("/v2/enqueue", event, Map.of()),
                gateway.post("/v2/enqueue", event, Map.of()), gateway.post("/v2/enqueue", event, Map.of()));

        assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(202, 202, 429);
        HttpResponse<String> throttled = responses.get(2);
        assertThat(throttled.headers().firstValueAsLong("Retry-After").orElse(0)).isBetween(1L, 30L);
        assertThat(json(throttled.body()).get("status").asText()).isEqualTo("throttle event");
    }

    @Test
    void a_body_over_a_megabyte_is_refused_before_it_is_read() {
        String name = "pd-" + UUID.randomUUID().toString().substring(0, 8);
        String key = gateway.createIntegration("""
                {"name": "%s", "category": "it-service"}""".formatted(name));

        HttpResponse<String> response = gateway.post("/v2/enqueue", """
                {"routing_key": "%s", "event_action": "trigger",
                 "payload": {"summary": "s", "source": "h", "severity": "error",
                             "custom_details": {"blob": "%s"}}}""".formatted(key, "y".repeat(1_100_000)), Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(json(response.body()).get("status").asText()).isEqualTo("invalid event");
    }
}
