package dev.incidentloop.gateway.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentloop.events.IntakeReport;
import dev.incidentloop.gateway.intake.Admission;
import dev.incidentloop.gateway.integration.Integration;
import dev.incidentloop.gateway.integration.IntegrationCatalogue;
import dev.incidentloop.gateway.web.JsonBody;
import dev.incidentloop.gateway.web.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /v2/enqueue}: PagerDuty's Events API v2, so that a PagerDuty client library or PagerDuty's own curl
 * examples work unchanged with an integration key of this gateway as the routing key. Answers as PagerDuty does.
 */
@Controller
@Consumes(MediaType.ALL)
public class PagerDutyController {

    private final IntegrationCatalogue catalogue;
    private final Admission admission;

    PagerDutyController(IntegrationCatalogue catalogue, Admission admission) {
        this.catalogue = catalogue;
        this.admission = admission;
    }

    @Post("/v2/enqueue")
    CompletableFuture<MutableHttpResponse<byte[]>> enqueue(@Body @Nullable byte[] body) {
        JsonBody read = JsonBody.read(body);
        if (read.error() != null) {
            return done(invalid(List.of("the body " + read.error())));
        }
        JsonNode event = read.json();
        List<String> errors = PagerDutyEvents.check(event);
        if (!errors.isEmpty()) {
            return done(invalid(errors));
        }
        Integration integration = catalogue.byKey(event.get("routing_key").asText()).orElse(null);
        if (integration == null) {
            return done(invalid(List.of("'routing_key' is not the key of an integration of this gateway")));
        }
        IntakeReport report = PagerDutyEvents.translate(event, integration);
        return admission.admit(integration, 1, () -> List.of(report), new Admission.Answers() {
            @Override
            public MutableHttpResponse<byte[]> accepted() {
                return answer(HttpStatus.ACCEPTED, "success", "Event processed", report.dedupKey(), null);
            }

            @Override
            public MutableHttpResponse<byte[]> tooFast() {
                return answer(HttpStatus.TOO_MANY_REQUESTS, "throttle event",
                        "Requests for this integration are arriving too quickly. Please retry later.", null, null);
            }

            @Override
            public MutableHttpResponse<byte[]> unavailable(String reason) {
                return answer(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                        "The event could not be stored. Please retry later.", null, List.of(reason));
            }
        });
    }

    static MutableHttpResponse<byte[]> invalid(List<String> errors) {
        return answer(HttpStatus.BAD_REQUEST, "invalid event", "Event object is invalid", null, errors);
    }

    private static MutableHttpResponse<byte[]> answer(HttpStatus status, String word, String message,
                                                      String dedupKey, List<String> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", word);
        body.put("message", message);
        if (dedupKey != null) {
            body.put("dedup_key", dedupKey);
        }
        if (errors != null) {
            body.put("errors", errors);
        }
        return HttpResponse.<byte[]>status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(Problems.json(body));
    }

    private static CompletableFuture<MutableHttpResponse<byte[]>> done(MutableHttpResponse<byte[]> response) {
        return CompletableFuture.completedFuture(response);
    }
}
