package dev.incidentloop.gateway;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.IntakeReport;
import dev.incidentloop.events.Topics;
import dev.incidentloop.testsupport.KafkaProbe;
import dev.incidentloop.testsupport.RealInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** A gateway under test as its clients see it: plain HTTP, and the intake topic read back. */
public final class GatewayClient {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-pw";
    public static final String REPORTER = "reporter";
    public static final String REPORTER_PASSWORD = "reporter-pw";
    private static final ObjectMapper MAPPER = EventCodec.defaultMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public GatewayClient(String base) {
        this.base = base;
    }

    /** The configuration every test context gets: the shared broker, a random port, an admin and a reporter. */
    public static Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("gateway.kafka.bootstrap-servers", RealInfrastructure.kafkaBootstrapServers());
        properties.put("micronaut.server.port", "-1");
        properties.put("platform.security.users[0].name", ADMIN);
        properties.put("platform.security.users[0].password-hash", "{bcrypt}" + BCrypt.hashpw(ADMIN_PASSWORD,
                BCrypt.gensalt(4)));
        properties.put("platform.security.users[0].roles", "ADMIN");
        properties.put("platform.security.users[1].name", REPORTER);
        properties.put("platform.security.users[1].password-hash", "{bcrypt}" + BCrypt.hashpw(REPORTER_PASSWORD,
                BCrypt.gensalt(4)));
        properties.put("platform.security.users[1].roles", "REPORTER");
        return properties;
    }

    public void awaitHealthy() {
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/actuator/health", Map.of()).statusCode() == 200);
    }

    /** Creates an integration as the admin and returns its key. */
    public String createIntegration(String json) {
        HttpResponse<String> created = post("/integrations", json, Map.of("Authorization", basic(ADMIN,
                ADMIN_PASSWORD)));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("integration not created: " + created.statusCode() + " "
                    + created.body());
        }
        return json(created.body()).get("key").asText();
    }

    public HttpResponse<String> post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request.build());
    }

    public HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers) {
        headers.forEach(request::header);
        return send(request.timeout(Duration.ofSeconds(30)).build());
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        return send(request.build());
    }

    public String url(String path) {
        return base + path;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The intake topic read from its beginning. */
    public static KafkaProbe intake() {
        return new KafkaProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.INTAKE.name());
    }

    /** The reports of one integration (by source) read so far. */
    public static List<IntakeReport> reportsOf(KafkaProbe intake, String source) {
        return intake.seen(r -> true).stream().map(r -> decode(r.value())).filter(r -> source.equals(r.source()))
                .toList();
    }

    public static IntakeReport decode(byte[] value) {
        try {
            return MAPPER.readValue(value, IntakeReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
