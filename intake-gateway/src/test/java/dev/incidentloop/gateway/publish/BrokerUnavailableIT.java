package dev.incidentloop.gateway.publish;

import static dev.incidentloop.gateway.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentloop.gateway.GatewayClient;
import dev.incidentloop.gateway.integration.IntegrationCatalogue;
import dev.incidentloop.gateway.integration.TestIntegrations;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A broker that does not answer: the gateway says so (503, Retry-After) instead of hanging or failing with a 500. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerUnavailableIT implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    IntegrationCatalogue catalogue;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(GatewayClient.properties());
        properties.put("gateway.kafka.bootstrap-servers", "127.0.0.1:" + closedPort());
        properties.put("gateway.kafka.delivery-timeout", "2s");
        return properties;
    }

    @Test
    void a_request_is_answered_503_with_retry_after_and_health_is_down() {
        GatewayClient gateway = new GatewayClient(server.getURL().toString());
        String key = TestIntegrations.add(catalogue, "no-broker");

        HttpResponse<String> response = gateway.post("/v2/enqueue", """
                {"routing_key": "%s", "event_action": "trigger",
                 "payload": {"summary": "s", "source": "h", "severity": "error"}}""".formatted(key), Map.of());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue(BrokerUnavailable.RETRY_AFTER_SECONDS);
        assertThat(json(response.body()).get("status").asText()).isEqualTo("unavailable");
        assertThat(gateway.get("/actuator/health", Map.of()).statusCode()).isEqualTo(503);
        // what deploy/prometheus/alerts.yml raises IntakeRefused on
        assertThat(gateway.get("/actuator/prometheus", Map.of("Authorization",
                GatewayClient.basic(GatewayClient.ADMIN, GatewayClient.ADMIN_PASSWORD))).body()).containsPattern(
                "(?m)^platform_intake_reports_total\\{[^}]*outcome=\"broker-unavailable\"[^}]*} 1\\.0$");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
