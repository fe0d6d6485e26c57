package dev.incidentloop.gateway.integration;

import static dev.incidentloop.gateway.GatewayClient.ADMIN;
import static dev.incidentloop.gateway.GatewayClient.ADMIN_PASSWORD;
import static dev.incidentloop.gateway.GatewayClient.REPORTER;
import static dev.incidentloop.gateway.GatewayClient.REPORTER_PASSWORD;
import static dev.incidentloop.gateway.GatewayClient.basic;
import static dev.incidentloop.gateway.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentloop.gateway.GatewayClient;
import dev.incidentloop.gateway.GatewayIntegrationTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Admins manage integrations; every instance learns them from the topic. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegrationAdminIT extends GatewayIntegrationTest {

    private final Map<String, String> admin = Map.of("Authorization", basic(ADMIN, ADMIN_PASSWORD));

    @Test
    void an_integration_created_on_one_instance_is_known_to_another_started_later_and_gone_after_delete() {
        String name = "shared-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = gateway.post("/integrations", """
                {"name": "%s", "category": "information-security", "team": "security",
                 "severities": {
                   "critical": {"kind": "information-security", "securityKind": "incident", "severity": 1, "major": true,
                                "evidencePreserved": false},
                   "error": {"kind": "information-security", "securityKind": "incident", "severity": 2, "major": false,
                             "evidencePreserved": false},
                   "warning": {"kind": "information-security", "securityKind": "incident", "severity": 3,
                               "major": false, "evidencePreserved": false},
                   "info": {"kind": "information-security", "securityKind": "incident", "severity": 4, "major": false,
                            "evidencePreserved": false}}}""".formatted(name), admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json(created.body());
        String id = body.get("id").asText();
        assertThat(body.get("key").asText()).matches("[0-9a-f]{32}");
        assertThat(body.get("severities").get("critical").get("severity").asInt()).isEqualTo(1);

        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class,
                new java.util.HashMap<String, Object>(GatewayClient.properties()))) {
            GatewayClient other = new GatewayClient(second.getURL().toString());
            other.awaitHealthy();
            assertThat(other.get("/integrations/" + id, admin).statusCode()).isEqualTo(200);

            assertThat(gateway.send(HttpRequest.newBuilder(URI.create(gateway.url("/integrations/" + id))).DELETE(),
                    admin).statusCode()).isEqualTo(204);
            org.awaitility.Awaitility.await().until(() -> other.get("/integrations/" + id, admin).statusCode() == 404);
        }
        assertThat(gateway.get("/integrations/" + id, admin).statusCode()).isEqualTo(404);
    }

    @Test
    void a_category_without_default_severities_needs_all_four_and_names_the_missing_ones() {
        HttpResponse<String> response = gateway.post("/integrations", """
                {"name": "ehs-sensors", "category": "ehs-recordable",
                 "severities": {"critical": {"kind": "ehs-recordable", "lossCny": 600000, "actual": false, "level": 3},
                                "sometimes": {}}, "eventsPerMinute": 0}""", admin);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("severities.sometimes", "severities.error", "severities.warning",
                        "severities.info", "eventsPerMinute");
    }

    @Test
    void names_are_unique_and_only_admins_may_manage() {
        String name = "unique-" + UUID.randomUUID().toString().substring(0, 8);
        gateway.createIntegration("{\"name\": \"%s\", \"category\": \"it-service\"}".formatted(name));

        HttpResponse<String> again = gateway.post("/integrations",
                "{\"name\": \"%s\", \"category\": \"it-service\"}".formatted(name), admin);
        HttpResponse<String> reporter = gateway.get("/integrations",
                Map.of("Authorization", basic(REPORTER, REPORTER_PASSWORD)));
        HttpResponse<String> wrongPassword = gateway.get("/integrations",
                Map.of("Authorization", basic(ADMIN, "guess")));
        HttpResponse<String> nobody = gateway.get("/integrations", Map.of());

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(reporter.statusCode()).isEqualTo(403);
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(nobody.statusCode()).isEqualTo(401);
        assertThat(nobody.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(gateway.get("/integrations", admin).body()).contains(name).doesNotContain("keySha256");
    }
}
