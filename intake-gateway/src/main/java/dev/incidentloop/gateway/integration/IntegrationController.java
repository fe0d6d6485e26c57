package dev.incidentloop.gateway.integration;

import dev.incidentloop.gateway.security.AdminOnly;
import dev.incidentloop.gateway.security.Secrets;
import dev.incidentloop.gateway.web.FieldError;
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
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Admins manage integrations here (admin role; see {@code AdminOnly}). Writes wait for the integrations topic, so they
 * run off the event loop.
 */
@Controller("/integrations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes(MediaType.ALL)
public class IntegrationController {

    private final IntegrationCatalogue catalogue;
    private final IntegrationStore store;
    private final Clock clock = Clock.systemUTC();

    IntegrationController(IntegrationCatalogue catalogue, IntegrationStore store) {
        this.catalogue = catalogue;
        this.store = store;
    }

    @Post
    MutableHttpResponse<byte[]> create(HttpRequest<?> request, @Body @Nullable byte[] body) {
        List<FieldError> errors = new ArrayList<>();
        IntegrationRequests.Settings settings = IntegrationRequests.parse(body, errors);
        if (settings == null) {
            return Problems.invalid(errors);
        }
        if (nameTaken(settings.name(), null)) {
            return nameConflict(settings.name());
        }
        String key = Secrets.newKey();
        Integration integration = new Integration(UUID.randomUUID().toString(), settings.name(),
                Secrets.sha256Hex(key), settings.category(), settings.team(), settings.severities(),
                settings.severityLabel(), settings.eventsPerMinute(), clock.instant(), who(request));
        store.put(integration);
        Map<String, Object> view = view(integration);
        view.put("key", key);
        return HttpResponse.<byte[]>status(HttpStatus.CREATED).header("Location", "/integrations/" + integration.id())
                .contentType(MediaType.APPLICATION_JSON_TYPE).body(Problems.json(view));
    }

    @Get
    MutableHttpResponse<byte[]> list() {
        return json(catalogue.all().stream().map(IntegrationController::view).toList());
    }

    @Get("/{id}")
    MutableHttpResponse<byte[]> one(String id) {
        return catalogue.byId(id).map(i -> json(view(i))).orElseGet(() -> notFound(id));
    }

    /** Changes everything but the id and the key. */
    @Put("/{id}")
    MutableHttpResponse<byte[]> update(String id, @Body @Nullable byte[] body) {
        Integration current = catalogue.byId(id).orElse(null);
        if (current == null) {
            return notFound(id);
        }
        List<FieldError> errors = new ArrayList<>();
        IntegrationRequests.Settings settings = IntegrationRequests.parse(body, errors);
        if (settings == null) {
            return Problems.invalid(errors);
        }
        if (nameTaken(settings.name(), id)) {
            return nameConflict(settings.name());
        }
        Integration changed = new Integration(id, settings.name(), current.keySha256(), settings.category(),
                settings.team(), settings.severities(), settings.severityLabel(), settings.eventsPerMinute(),
                current.createdAt(), current.createdBy());
        store.put(changed);
        return json(view(changed));
    }

    @Delete("/{id}")
    MutableHttpResponse<byte[]> delete(String id) {
        if (catalogue.byId(id).isEmpty()) {
            return notFound(id);
        }
        store.delete(id);
        return HttpResponse.noContent();
    }

    /** Whether another integration than {@code id} (null: any) has this name. */
    private boolean nameTaken(String name, String id) {
        return catalogue.byName(name).filter(other -> !other.id().equals(id)).isPresent();
    }

    private static MutableHttpResponse<byte[]> nameConflict(String name) {
        return Problems.of(HttpStatus.CONFLICT, "An integration named " + name + " exists already",
                List.of(new FieldError("name", "is taken")));
    }

    private static Map<String, Object> view(Integration integration) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", integration.id());
        view.put("name", integration.name());
        view.put("category", integration.category());
        view.put("team", integration.team());
        Map<String, Object> severities = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            severities.put(severity.wireName(), integration.classification(severity));
        }
        view.put("severities", severities);
        view.put("severityLabel", integration.severityLabel());
        view.put("eventsPerMinute", integration.eventsPerMinute());
        view.put("createdAt", integration.createdAt());
        view.put("createdBy", integration.createdBy());
        return view;
    }

    private static String who(HttpRequest<?> request) {
        return request.getAttribute(AdminOnly.ADMIN_USER, String.class).orElse("unknown");
    }

    private static MutableHttpResponse<byte[]> json(Object value) {
        return HttpResponse.ok(Problems.json(value)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static MutableHttpResponse<byte[]> notFound(String id) {
        return Problems.of(HttpStatus.NOT_FOUND, "No integration " + id);
    }
}
