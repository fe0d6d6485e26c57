package dev.incidentloop.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentloop.events.IntakeReport;
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
import io.micronaut.http.annotation.Post;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@code POST /intake}: the platform's own format over HTTP, with the integration key as a bearer token. */
@Controller("/intake")
@Consumes(MediaType.ALL)
public class NativeIntakeController {

    private final IntegrationCatalogue catalogue;
    private final Admission admission;

    NativeIntakeController(IntegrationCatalogue catalogue, Admission admission) {
        this.catalogue = catalogue;
        this.admission = admission;
    }

    @Post
    CompletableFuture<MutableHttpResponse<byte[]>> intake(HttpRequest<?> request, @Body @Nullable byte[] body) {
        String key = IntegrationKeys.bearer(request);
        Integration integration = catalogue.byKey(key).orElse(null);
        if (integration == null) {
            return CompletableFuture.completedFuture(Problems.unknownIntegrationKey(key,
                    "send it as Authorization: Bearer <key>"));
        }
        JsonBody read = JsonBody.read(body);
        if (read.error() != null) {
            return CompletableFuture.completedFuture(Problems.invalid(List.of(new FieldError("(body)",
                    read.error()))));
        }
        JsonNode json = read.json();
        List<FieldError> errors = new ArrayList<>();
        List<IntakeReport> reports = NativeReports.translate(json, integration, errors);
        if (!errors.isEmpty()) {
            return CompletableFuture.completedFuture(Problems.invalid(errors));
        }
        boolean many = json.isArray();
        return admission.admit(integration, reports.size(), () -> reports, new Admission.Answers() {
            @Override
            public MutableHttpResponse<byte[]> accepted() {
                List<Map<String, Object>> receipts = reports.stream().map(NativeIntakeController::receipt).toList();
                return HttpResponse.<byte[]>status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON_TYPE)
                        .body(Problems.json(many ? Map.of("reports", receipts) : receipts.getFirst()));
            }

            @Override
            public MutableHttpResponse<byte[]> tooFast() {
                return Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Integration " + integration.name()
                        + " sends more than its " + integration.eventsPerMinute() + " reports per minute");
            }

            @Override
            public MutableHttpResponse<byte[]> unavailable(String reason) {
                return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "The reports could not be stored: " + reason);
            }
        });
    }

    private static Map<String, Object> receipt(IntakeReport report) {
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("reportId", report.reportId());
        receipt.put("dedupKey", report.effectiveDedupKey());
        receipt.put("action", report.effectiveAction().wireName());
        return receipt;
    }
}
