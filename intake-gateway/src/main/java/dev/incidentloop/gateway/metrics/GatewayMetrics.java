package dev.incidentloop.gateway.metrics;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * The gateway's one meter registry, in Prometheus's format, every series labelled with {@code application} as the
 * other services' are. Micrometer is used directly: Micronaut's management and metrics modules made the gateway
 * start a quarter slower.
 */
@Factory
public class GatewayMetrics {

    @Singleton
    PrometheusMeterRegistry registry(@Value("${micronaut.application.name}") String application) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("application", application);
        new JvmMemoryMetrics().bindTo(registry);
        return registry;
    }
}
