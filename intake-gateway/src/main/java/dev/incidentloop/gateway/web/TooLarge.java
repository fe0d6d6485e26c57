package dev.incidentloop.gateway.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A body over {@code micronaut.server.max-request-size} is refused from its Content-Length, before it is read (or, sent
 * in chunks, once it passes the limit), in the shape of the door it was sent to.
 */
@Produces
@Singleton
@Requires(classes = {ContentLengthExceededException.class, ExceptionHandler.class})
@Replaces(ContentLengthExceededHandler.class)
public class TooLarge implements ExceptionHandler<ContentLengthExceededException, HttpResponse<byte[]>> {

    @Override
    public HttpResponse<byte[]> handle(HttpRequest request, ContentLengthExceededException exception) {
        String detail = "The body is larger than the gateway takes: " + exception.getMessage();
        if (request.getPath().startsWith("/v2/")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "invalid event");
            body.put("message", "Event object is invalid");
            body.put("errors", List.of("the body is too large: " + exception.getMessage()));
            return HttpResponse.<byte[]>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                    .contentType(MediaType.APPLICATION_JSON_TYPE).body(Problems.json(body));
        }
        return Problems.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, detail, List.of(new FieldError("(body)",
                "is too large")));
    }
}
