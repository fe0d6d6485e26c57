package dev.incidentloop.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentloop.events.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * reporting-service rebuilds its read model from the topics (every event this run produced), once its live model
 * has caught up, so that the two do not compete. Timed as the replay itself reports it.
 */
final class ReplayPhase {

    record Result(long events, double seconds, double eventsPerSecond) {
    }

    private ReplayPhase() {
    }

    static Result run(String bootstrap, String reportingUrl, String user, String password) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            System.out.println("  waiting for reporting-service to catch up before the replay");
            IntakeStorm.awaitCaughtUp(admin, "reporting-service", Topics.INCIDENT_EVENTS.name(),
                    Topics.ESCALATION_EVENTS.name());
        }
        HttpClient http = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        var start = http.send(HttpRequest.newBuilder(URI.create(reportingUrl + "/admin/replay"))
                .header("Authorization", basic).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (start.statusCode() != 202) {
            throw new IllegalStateException("replay did not start: " + start.statusCode() + " " + start.body());
        }
        ObjectMapper json = new ObjectMapper();
        Progress progress = null;
        while (true) {
            Thread.sleep(500);
            JsonNode p = json.readTree(http.send(HttpRequest.newBuilder(URI.create(reportingUrl + "/admin/replay"))
                    .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString()).body());
            long total = p.get("eventsTotal").asLong();
            if (progress == null && total > 0) {
                progress = new Progress("replay", total);
            }
            if (progress != null) {
                progress.report(p.get("eventsDone").asLong());
            }
            switch (p.get("state").asText()) {
                case "DONE" -> {
                    long events = p.get("eventsDone").asLong();
                    double rate = p.get("eventsPerSecond").asDouble();
                    return new Result(events, events / Math.max(rate, 1e-9), rate);
                }
                case "FAILED" -> throw new IllegalStateException("replay failed: " + p.get("error").asText());
                default -> {
                    // still running
                }
            }
        }
    }
}
