package dev.incidentloop.gateway;

import dev.incidentloop.gateway.integration.IntegrationStore;
import dev.incidentloop.gateway.web.Problems;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.Map;

/**
 * {@code GET /actuator/health}, where the platform's launcher and compose look for every service: UP once the
 * integrations are read (until then no key would be known). It reads a flag; no request reaches the broker.
 */
@Controller("/actuator/health")
public class HealthController {

    private final IntegrationStore integrations;

    HealthController(IntegrationStore integrations) {
        this.integrations = integrations;
    }

    @Get
    HttpResponse<byte[]> health() {
        boolean up = integrations.caughtUp();
        return HttpResponse.<byte[]>status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(Problems.json(up ? Map.of("status", "UP")
                        : Map.of("status", "DOWN", "reason", "the integrations are not read yet")));
    }
}
