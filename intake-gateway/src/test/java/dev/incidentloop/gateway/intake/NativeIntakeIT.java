package dev.incidentloop.gateway.intake;

import static dev.incidentloop.gateway.GatewayClient.json;
import static dev.incidentloop.gateway.GatewayClient.reportsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.IntakeReport;
import dev.incidentloop.gateway.GatewayClient;
import dev.incidentloop.gateway.GatewayIntegrationTest;
import dev.incidentloop.testsupport.KafkaProbe;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The platform's own intake format over HTTP, one report or many, spoken as the integration. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NativeIntakeIT extends GatewayIntegrationTest {

    @Test
    void source_and_reporter_come_from_the_integration_never_from_the_body() {
        String name = "zabbix-" + UUID.randomUUID().toString().substring(0, 8);
        String key = gateway.createIntegration("""
                {"name": "%s", "category": "it-service", "team": "network"}""".formatted(name));

        HttpResponse<String> response = gateway.post("/intake", """
                {"reportId": "r-1", "source": "someone-else", "reportedBy": "the.ceo", "team": "finance",
                 "title": "Switch down", "severity": "error"}""", Map.of("Authorization", "Bearer " + key));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(json(response.body()).get("reportId").asText()).isEqualTo("r-1");
        assertThat(json(response.body()).get("action").asText()).isEqualTo("trigger");
        try (KafkaProbe intake = GatewayClient.intake()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reportsOf(intake, name).size() == 1);
            IntakeReport report = reportsOf(intake, name).getFirst();
            assertThat(report.source()).isEqualTo(name);
            assertThat(report.reportedBy()).isEqualTo(name);
            assertThat(report.team()).isEqualTo("network");
            assertThat(report.category()).isEqualTo(Category.IT_SERVICE);
            assertThat(report.classification()).isEqualTo(new Classification.ItService(1, 2));
        }
    }

    @Test
    void an_array_is_taken_whole_or_refused_whole_naming_the_item_and_field() {
        String name = "script-" + UUID.randomUUID().toString().substring(0, 8);
        String key = gateway.createIntegration("""
                {"name": "%s", "category": "it-service"}""".formatted(name));
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + key);

        HttpResponse<String> refused = gateway.post("/intake", """
                [{"reportId": "a", "title": "fine"},
                 {"reportId": "b", "title": "", "impact": 7, "urgency": 1}]""", bearer);
        HttpResponse<String> accepted = gateway.post("/intake", """
                [{"reportId": "c", "title": "first", "impact": 3, "urgency": 3},
                 {"reportId": "d", "action": "resolve", "dedupKey": "c"}]""", bearer);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused.body()).get("errors")).extracting(e -> e.get("field").asText())
                .contains("[1].title", "[1].impact");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(json(accepted.body()).get("reports")).extracting(JsonNode::toString).hasSize(2);
        try (KafkaProbe intake = GatewayClient.intake()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reportsOf(intake, name).size() == 2);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> reportsOf(intake, name).size() == 2);
            assertThat(reportsOf(intake, name)).extracting(IntakeReport::reportId).containsExactlyInAnyOrder("c", "d");
            assertThat(reportsOf(intake, name)).filteredOn(r -> r.reportId().equals("c")).singleElement()
                    .extracting(IntakeReport::impact).isEqualTo(3);
        }
    }

    @Test
    void a_request_without_a_known_integration_key_is_401() {
        HttpResponse<String> none = gateway.post("/intake", "{}", Map.of());
        HttpResponse<String> unknown = gateway.post("/intake", "{}", Map.of("Authorization", "Bearer nope"));

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(json(unknown.body()).get("detail").asText()).contains("not the key of an integration");
    }
}
