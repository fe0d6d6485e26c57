package dev.incidentloop.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentloop.events.EventCodec;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** problem+json answers, in the shape the other services give (type, title, status, detail, errors by field). */
public final class Problems {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final ObjectMapper MAPPER = EventCodec.defaultMapper();

    private Problems() {
    }

    public static MutableHttpResponse<byte[]> of(HttpStatus status, String detail) {
        return of(status, detail, List.of());
    }

    public static MutableHttpResponse<byte[]> invalid(List<FieldError> errors) {
        return of(HttpStatus.BAD_REQUEST, "The request is invalid: " + errors.size() + " field(s) at fault", errors);
    }

    public static MutableHttpResponse<byte[]> of(HttpStatus status, String detail, List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReason());
        body.put("status", status.getCode());
        body.put("detail", detail);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return HttpResponse.<byte[]>status(status).contentType(PROBLEM_JSON).body(json(body));
    }

    /** 401 for a door that takes an integration key: none given, or not one of this gateway's. */
    public static MutableHttpResponse<byte[]> unknownIntegrationKey(String key, String whereTheKeyGoes) {
        return of(HttpStatus.UNAUTHORIZED, key == null ? "No integration key: " + whereTheKeyGoes
                : "The key is not the key of an integration of this gateway")
                .header("WWW-Authenticate", "Bearer");
    }

    public static byte[] json(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
