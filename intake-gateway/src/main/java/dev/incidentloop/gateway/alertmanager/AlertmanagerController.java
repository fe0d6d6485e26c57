package dev.incidentloop.gateway.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentloop.gateway.intake.Admission;
import dev.incidentloop.gateway.intake.IntegrationKeys;
import dev.incidentloop.gateway.integration.Integration;
import dev.incidentloop.gateway.integration.IntegrationCatalogue;
import dev.incidentloop.gateway.web.FieldError;
import dev.incidentloop.gateway.web.JsonBody;
import dev.incidentloop.gateway.web.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Alertmanager's (and Grafana's) webhook receiver: {@code POST /alertmanager/{key}}, or {@code POST /alertmanager}
 * with the key as a bearer token, as Alertmanager's {@code http_config.authorization} sends it. Errors are
 * problem+json naming the field.
 */
@Controller("/alertmanager")
@Consumes(MediaType.ALL)
public class AlertmanagerController {

    private final IntegrationCatalogue catalogue;
    private final Admission admission;

    AlertmanagerController(IntegrationCatalogue catalogue, Admission admission) {
        this.catalogue = catalogue;
        this.admission = admission;
    }

    @Post
    CompletableFuture<MutableHttpResponse<byte[]>> withBearer(HttpRequest<?> request, @Body @Nullable byte[] body) {
        return receive(IntegrationKeys.bearer(request), body);
    }

    @Post("/{key}")
    CompletableFuture<MutableHttpResponse<byte[]>> withPathKey(@PathVariable String key, @Body @Nullable byte[] body) {
        return receive(key, body);
    }

    private CompletableFuture<MutableHttpResponse<byte[]>> receive(String key, byte[] bytes) {
        Integration integration = catalogue.byKey(key).orElse(null);
        if (integration == null) {
            return done(Problems.unknownIntegrationKey(key,
                    "put it in the path (/alertmanager/{key}) or send it as a bearer token"));
        }
        JsonBody body = JsonBody.read(bytes);
        if (body.error() != null) {
            return done(Problems.invalid(List.of(new FieldError("(body)", body.error()))));
        }
        JsonNode json = body.json();
        List<FieldError> errors = AlertmanagerWebhook.check(json);
        if (!errors.isEmpty()) {
            return done(Problems.invalid(errors));
        }
        int alerts = json.get("alerts").size();
        return admission.admit(integration, alerts, () -> AlertmanagerWebhook.translate(json, integration),
                new Admission.Answers() {
                    @Override
                    public MutableHttpResponse<byte[]> accepted() {
                        return HttpResponse.<byte[]>status(HttpStatus.ACCEPTED)
                                .contentType(MediaType.APPLICATION_JSON_TYPE)
                                .body(Problems.json(Map.of("accepted", alerts)));
                    }

                    @Override
                    public MutableHttpResponse<byte[]> tooFast() {
                        return Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Integration " + integration.name()
                                + " sends more than its " + integration.eventsPerMinute() + " alerts per minute");
                    }

                    @Override
                    public MutableHttpResponse<byte[]> unavailable(String reason) {
                        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "The alerts could not be stored: " + reason);
                    }
                });
    }

    private static CompletableFuture<MutableHttpResponse<byte[]>> done(MutableHttpResponse<byte[]> response) {
        return CompletableFuture.completedFuture(response);
    }
}
