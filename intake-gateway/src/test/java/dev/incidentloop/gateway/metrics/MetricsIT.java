package dev.incidentloop.gateway.metrics;

import static dev.incidentloop.gateway.GatewayClient.ADMIN;
import static dev.incidentloop.gateway.GatewayClient.ADMIN_PASSWORD;
import static dev.incidentloop.gateway.GatewayClient.REPORTER;
import static dev.incidentloop.gateway.GatewayClient.REPORTER_PASSWORD;
import static dev.incidentloop.gateway.GatewayClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentloop.gateway.GatewayIntegrationTest;
import dev.incidentloop.gateway.integration.IntegrationCatalogue;
import dev.incidentloop.gateway.integration.TestIntegrations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The gateway's Prometheus metrics, for admins, as the other services serve theirs. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsIT extends GatewayIntegrationTest {

    private static final Pattern PUBLISHED = Pattern.compile(
            "(?m)^platform_intake_reports_total\\{[^}]*application=\"intake-gateway\"[^}]*outcome=\"published\"[^}]*} (\\S+)$");

    @Inject
    IntegrationCatalogue catalogue;

    @Test
    void an_admin_reads_the_requests_the_producer_and_the_reports_published() {
        String key = TestIntegrations.add(catalogue, "metrics");
        double before = published(scrape());

        HttpResponse<String> accepted = gateway.post("/v2/enqueue", """
                {"routing_key": "%s", "event_action": "trigger", "dedup_key": "metrics/1",
                 "payload": {"summary": "Queue backlog", "source": "mq-1", "severity": "warning"}}""".formatted(key),
                Map.of());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(gateway.get("/actuator/prometheus", Map.of()).statusCode()).isEqualTo(401);

        String metrics = scrape();
        assertThat(published(metrics)).isEqualTo(before + 1);
        assertThat(metrics).containsPattern(
                "http_server_requests_seconds_count\\{[^}]*application=\"intake-gateway\"[^}]*status=\"202\"[^}]*uri=\"/v2/enqueue\"");
        assertThat(metrics).contains("kafka_producer_record_send_total{");
        // an answer a filter gave is timed as well
        assertThat(metrics).containsPattern(
                "http_server_requests_seconds_count\\{[^}]*status=\"401\"[^}]*uri=\"/actuator/prometheus\"");
    }

    @Test
    void the_metrics_are_for_admins() {
        assertThat(gateway.get("/actuator/prometheus", Map.of()).statusCode()).isEqualTo(401);
        assertThat(gateway.get("/actuator/prometheus", Map.of("Authorization", basic(REPORTER, REPORTER_PASSWORD)))
                .statusCode()).isEqualTo(403);
    }

    private String scrape() {
        HttpResponse<String> response = gateway.get("/actuator/prometheus",
                Map.of("Authorization", basic(ADMIN, ADMIN_PASSWORD)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static double published(String metrics) {
        Matcher matcher = PUBLISHED.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
