package dev.incidentloop.gateway.intake;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

/** Where a sender other than PagerDuty's clients puts its integration key: {@code Authorization: Bearer <key>}. */
public final class IntegrationKeys {

    private IntegrationKeys() {
    }

    public static String bearer(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }
}
