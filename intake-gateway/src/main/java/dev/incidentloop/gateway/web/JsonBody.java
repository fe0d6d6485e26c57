package dev.incidentloop.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentloop.events.EventCodec;
import java.io.IOException;

/** A request body read as JSON: the tree, or why it is not JSON (each door answers that in its own shape). */
public record JsonBody(JsonNode json, String error) {

    private static final ObjectMapper MAPPER = EventCodec.defaultMapper();

    /** An empty body reads as no tree and no error: each door says what it wanted instead. */
    public static JsonBody read(byte[] body) {
        if (body == null || body.length == 0) {
            return new JsonBody(null, null);
        }
        try {
            return new JsonBody(MAPPER.readTree(body), null);
        } catch (IOException e) {
            return new JsonBody(null, "is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
