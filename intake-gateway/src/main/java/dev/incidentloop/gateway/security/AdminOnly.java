package dev.incidentloop.gateway.security;

import dev.incidentloop.gateway.web.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;

/**
 * The integrations API and the metrics are for admins, with the accounts and API keys the other services take.
 * Machines that report never come here: their integration key is their identity.
 */
@ServerFilter({"/integrations/**", "/actuator/prometheus"})
public class AdminOnly {

    /** The request attribute that names the admin who made the request. */
    public static final String ADMIN_USER = "gateway.admin-user";

    private final Accounts accounts;

    AdminOnly(Accounts accounts) {
        this.accounts = accounts;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        String apiKey = request.getHeaders().get("X-API-Key");
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        Optional<Accounts.Principal> principal = Optional.empty();
        if (apiKey != null) {
            principal = accounts.byApiKey(apiKey);
        } else if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            principal = accounts.byBasic(authorization);
        }
        if (principal.isEmpty()) {
            return Problems.of(HttpStatus.UNAUTHORIZED,
                    "Authentication required: HTTP Basic or an X-API-Key header of an admin")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"incident-loop\"");
        }
        if (!principal.get().roles().contains("ADMIN")) {
            return Problems.of(HttpStatus.FORBIDDEN, "Managing integrations and reading metrics need the admin role");
        }
        request.setAttribute(ADMIN_USER, principal.get().name());
        return null;
    }
}
