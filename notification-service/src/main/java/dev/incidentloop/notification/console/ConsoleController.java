package dev.incidentloop.notification.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The on-call console: one page, plain HTML and JavaScript, no build. It asks for the user's name and password,
 * follows a feed of this service over SSE (resuming with {@code Last-Event-ID} after a drop), and acknowledges or
 * resolves incidents by calling incident-service's API from the browser, at {@code notification.console.incident-api}
 * (which lets this page's origin in: {@code platform.security.cors-allowed-origins}). The services never call each
 * other. The page itself holds no data, so anyone may load it.
 */
@RestController
class ConsoleController {

    private final String page;

    ConsoleController(@Value("${notification.console.incident-api:http://localhost:8081}") String incidentApi,
                      ObjectMapper json) {
        try (InputStream in = getClass().getResourceAsStream("/console/console.html")) {
            this.page = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\"{{incidentApi}}\"", json.writeValueAsString(incidentApi).replace("</", "<\\/"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/console")
    ResponseEntity<String> console() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page);
    }
}
