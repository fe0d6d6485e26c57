package dev.incidentloop.gateway.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** {@code GET /actuator/prometheus}: the metrics, for admins ({@code AdminOnly}), where the other services serve theirs. */
@Controller("/actuator/prometheus")
public class PrometheusController {

    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    PrometheusController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get
    HttpResponse<String> scrape() {
        return HttpResponse.ok(registry.scrape()).contentType(TEXT_FORMAT);
    }
}
