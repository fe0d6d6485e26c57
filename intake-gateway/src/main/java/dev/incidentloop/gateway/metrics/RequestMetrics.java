package dev.incidentloop.gateway.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.concurrent.TimeUnit;

/**
 * Times every request as {@code http.server.requests}, by method, route template (so that one series serves every
 * integration's key in the path), status and outcome: the series and labels Spring Boot gives the other services.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestMetrics implements Ordered {

    private static final String STARTED = "gateway.request-started";

    private final MeterRegistry registry;

    RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs before every other filter, so that an answer a filter gives (401, 413) is timed too. */
    @RequestFilter
    void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Long started = request.getAttribute(STARTED, Long.class).orElse(null);
        if (started == null) {
            return;
        }
        int status = response.code();
        Timer.builder("http.server.requests")
                .tag("method", request.getMethodName())
                .tag("uri", uri(request, status))
                .tag("status", Integer.toString(status))
                .tag("outcome", outcome(status))
                .register(registry)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /** The route's template; requests that matched no route share one value, as in Spring. */
    static String uri(HttpRequest<?> request, int status) {
        return BasicHttpAttributes.getUriTemplate(request)
                .orElse(status == HttpStatus.NOT_FOUND.getCode() ? "NOT_FOUND" : "UNKNOWN");
    }

    static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }

    /** Before the security and size filters. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }
}
