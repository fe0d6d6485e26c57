package dev.incidentloop.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.Topics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes of every service on one broker and one database, as an operator scales them. Reports,
 * acknowledgements and resolutions are sent to both incident-service instances in turn (an incident is acknowledged
 * on the other instance than the one that took its report, and resolved on the first again, whose cached incident
 * is then stale), alerts to both gateways (each one twice, once to each), escalations fire from both
 * escalation-service instances, a replay runs on one reporting instance while the load goes on, and a webhook
 * receiver and a feed on each notification instance watch. Everything is then compared with what the test sent:
 * the counts on both reporting instances, one report and one escalation per incident on the topics with each
 * incident's events in order, one webhook delivery per event (sent again only after an attempt recorded as failed),
 * each feed item once and the same on both instances, and no answer of 500 or more anywhere.
 */
class TwoOfEachIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    /** Reported and never acknowledged: escalated once their 3-second P3 response target has passed. */
    private static final int ESCALATED = 40;
    /** Reported as P4 (a target of an hour), acknowledged and resolved. */
    private static final int HANDLED = 40;
    /** Alerts through the gateways, severity info (P5, a day's target). */
    private static final int ALERTS = 20;
    private static final int INCIDENTS = ESCALATED + HANDLED + ALERTS;
    private static final List<String> WATCHED = List.of("dev.incidentloop.incident.reported",
            "dev.incidentloop.incident.acknowledged", "dev.incidentloop.incident.resolved",
            "dev.incidentloop.escalation.escalated");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = EventCodec.defaultMapper();

    private final EventCodec codec = new EventCodec();
    /** Every answer any instance gave, as "METHOD url -> status". */
    private final Collection<String> answers = new ConcurrentLinkedQueue<>();
    /** What the webhook receiver was sent: the delivery id (the receivers' idempotency key) and the event's id. */
    private record Receipt(String delivery, String event) {
    }

    private final Collection<Receipt> receipts = new ConcurrentLinkedQueue<>();

    @TempDir
    Path data;

    @Test
    void two_of_each_service_lose_nothing_and_double_nothing() throws Exception {
        PlatformConfig config = PlatformConfig.onFreePorts(data, Path.of("target/services"),
                Map.of(Service.ESCALATION, List.of("--escalation.response-targets.P3=3s",
                        "--escalation.response-targets.P4=1h", "--db-scheduler.polling-interval=500ms")), 2);
        Instant testStart = Instant.now();
        HttpServer receiver = receiver();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try (LocalPlatform platform = LocalPlatform.start(config);
             SseReader feedOne = new SseReader(platform.urls(Service.NOTIFICATION).get(0) + "/feed",
                     basic("responder"));
             SseReader feedTwo = new SseReader(platform.urls(Service.NOTIFICATION).get(1) + "/feed",
                     basic("responder"))) {
            List<String> incidentUrls = platform.urls(Service.INCIDENT);
            List<String> gateways = platform.urls(Service.GATEWAY);
            List<String> reporting = platform.urls(Service.REPORTING);

            send("POST", platform.urls(Service.NOTIFICATION).get(1) + "/webhooks", "admin", """
                    {"name": "two-of-each", "url": "http://localhost:%d/hook", "eventTypes": %s}"""
                    .formatted(receiver.getAddress().getPort(), JSON.writeValueAsString(WATCHED)), 201);
            JsonNode integration = send("POST", gateways.get(0) + "/integrations", "admin", """
                    {"name": "two-of-each", "category": "it-service", "team": "sre"}""", 201);
            // the other gateway knows the integration from the broker, the other notification instance the webhook
            // from the database (re-read when a second old)
            await().atMost(WAIT).until(() -> status("GET", gateways.get(1) + "/integrations/"
                    + integration.get("id").asText(), "admin") == 200);
            Instant subscribed = Instant.now();
            await().atMost(WAIT).until(() -> Instant.now().isAfter(subscribed.plusSeconds(2)));

            List<Future<UUID>> escalating = new ArrayList<>();
            List<Future<UUID>> handling = new ArrayList<>();
            for (int i = 0; i < Math.max(ESCALATED, HANDLED); i++) {
                String here = incidentUrls.get(i % 2);
                String there = incidentUrls.get((i + 1) % 2);
                if (i < ESCALATED) {
                    escalating.add(clients.submit(() -> report(here, "Printer jam", 2, 2)));
                }
                if (i < HANDLED) {
                    handling.add(clients.submit(() -> {
                        UUID id = report(here, "Slow VPN", 2, 3);
                        send("POST", there + "/incidents/" + id + "/acknowledge", "responder", null, 200);
                        send("POST", here + "/incidents/" + id + "/resolve", "responder",
                                "{\"resolutionCode\":\"config-fix\"}", 200);
                        return id;
                    }));
                }
            }
            String key = integration.get("key").asText();
            List<Future<?>> alerts = new ArrayList<>();
            for (int i = 0; i < ALERTS; i++) {
                String dedupKey = "host-" + i + "/disk";
                alerts.add(clients.submit(() -> {
                    for (String gateway : gateways) {
                        send("POST", gateway + "/v2/enqueue", null, """
                                {"routing_key": "%s", "event_action": "trigger", "dedup_key": "%s",
                                 "payload": {"summary": "Disk filling on %s", "source": "%s", "severity": "info"}}"""
                                .formatted(key, dedupKey, dedupKey, dedupKey), 202);
                    }
                    return null;
                }));
            }
            // a replay on the second reporting instance while the load goes on; the first reports its progress
            await().atMost(WAIT).until(() -> escalating.stream().filter(Future::isDone).count() >= ESCALATED / 2);
            send("POST", reporting.get(1) + "/admin/replay", "admin", null, 202);

            Set<UUID> escalatedIds = results(escalating);
            Set<UUID> handledIds = results(handling);
            for (Future<?> alert : alerts) {
                alert.get();
            }
            String state = await().atMost(WAIT).until(() -> send("GET", reporting.get(0) + "/admin/replay", "admin",
                    null, 200).get("state").asText(), s -> !s.equals("RUNNING"));
            assertThat(state).as("the replay, as the other instance reports it").isEqualTo("DONE");

            // the counts, on both reporting instances
            String period = "/kpi/summary?from=" + testStart.minusSeconds(60) + "&to=" + Instant.now().plusSeconds(3600);
            for (String instance : reporting) {
                await().atMost(WAIT).untilAsserted(() -> {
                    JsonNode kpi = send("GET", instance + period, "analyst", null, 200);
                    assertThat(kpi.get("total").asLong()).as("total").isEqualTo(INCIDENTS);
                    assertThat(kpi.get("acknowledged").asLong()).as("acknowledged").isEqualTo(HANDLED);
                    assertThat(kpi.get("resolved").asLong()).as("resolved").isEqualTo(HANDLED);
                    assertThat(kpi.get("escalated").asLong()).as("escalated").isEqualTo(ESCALATED);
                });
            }

            // the topics: one report per incident, one escalation per unanswered one, each incident's events in order
            Map<String, List<EventEnvelope>> incidentEvents = read(platform, Topics.INCIDENT_EVENTS.name(),
                    all -> all.values().stream().flatMap(List::stream)
                            .filter(e -> e.data() instanceof IncidentReported).count() >= INCIDENTS);
            Map<String, List<EventEnvelope>> escalationEvents = read(platform, Topics.ESCALATION_EVENTS.name(),
                    all -> all.values().stream().flatMap(List::stream)
                            .filter(e -> e.data() instanceof IncidentEscalated).count() >= ESCALATED);
            assertThat(incidentEvents).hasSize(INCIDENTS);
            assertThat(incidentEvents.values()).allSatisfy(events -> assertThat(events)
                    .filteredOn(e -> e.data() instanceof IncidentReported).hasSize(1));
            assertThat(escalationEvents.entrySet().stream()
                    .filter(e -> e.getValue().stream().anyMatch(ev -> ev.data() instanceof IncidentEscalated))
                    .map(e -> UUID.fromString(e.getKey())).collect(Collectors.toSet()))
                    .isEqualTo(escalatedIds);
            assertThat(escalationEvents.values()).allSatisfy(events -> assertThat(events)
                    .filteredOn(e -> e.data() instanceof IncidentEscalated).hasSizeLessThanOrEqualTo(1));
            for (var stream : List.of(incidentEvents, escalationEvents)) {
                stream.forEach((incident, events) -> assertThat(events).as("the events of %s, in order", incident)
                        .extracting(EventEnvelope::sequence)
                        .containsExactlyElementsOf(sequence(events.size())));
            }

            // the webhook: every watched event of these incidents delivered, each once
            Set<String> watchedEventIds = new HashSet<>();
            for (var stream : List.of(incidentEvents, escalationEvents)) {
                stream.values().stream().flatMap(List::stream).filter(e -> WATCHED.contains(e.type().typeName()))
                        .forEach(e -> watchedEventIds.add(e.id().toString()));
            }
            assertThat(watchedEventIds).hasSize(INCIDENTS + 2 * HANDLED + ESCALATED);
            await().atMost(WAIT).until(() -> receipts.stream().map(Receipt::event).distinct().count()
                    >= watchedEventIds.size());
            assertThat(receipts.stream().map(Receipt::event).collect(Collectors.toSet())).isEqualTo(watchedEventIds);
            Map<String, Set<String>> deliveriesByEvent = receipts.stream().collect(Collectors.groupingBy(
                    Receipt::event, Collectors.mapping(Receipt::delivery, Collectors.toSet())));
            assertThat(deliveriesByEvent.values()).as("one delivery per event, whichever instance took it")
                    .allSatisfy(ids -> assertThat(ids).hasSize(1));
            // A delivery is sent again only after an attempt the service saw fail (a receiver that did not answer
            // within the timeout may still have taken it; receivers tell by the delivery id). Sent twice on one
            // recorded attempt would be two instances sending it at once.
            Map<String, Long> sent = receipts.stream().collect(Collectors.groupingBy(Receipt::delivery,
                    Collectors.counting()));
            String notifications = platform.urls(Service.NOTIFICATION).get(0);
            List<String> failedAttempts = new ArrayList<>();
            for (var resent : sent.entrySet().stream().filter(e -> e.getValue() > 1).toList()) {
                JsonNode attempts = send("GET", notifications + "/webhooks/deliveries/" + resent.getKey(), "admin",
                        null, 200).get("attempts");
                assertThat(attempts.size()).as("attempts recorded of %s, received %d times: %s", resent.getKey(),
                        resent.getValue(), attempts).isGreaterThanOrEqualTo(resent.getValue().intValue());
                for (int i = 0; i < resent.getValue() - 1; i++) {
                    assertThat(attempts.get(i).get("error").isNull()).as("attempt %d of %s: %s", i + 1,
                            resent.getKey(), attempts).isFalse();
                    failedAttempts.add(attempts.get(i).get("error").asText());
                }
            }
            long resends = sent.values().stream().mapToLong(n -> n - 1).sum();

            // the feeds: the same items on both instances, each event once, every report and escalation there
            Set<UUID> allIncidents = incidentEvents.keySet().stream().map(UUID::fromString).collect(Collectors.toSet());
            await().atMost(WAIT).untilAsserted(() -> {
                for (SseReader feed : List.of(feedOne, feedTwo)) {
                    List<JsonNode> items = items(feed, allIncidents);
                    assertThat(items).filteredOn(i -> i.get("type").asText().equals(WATCHED.get(0)))
                            .hasSize(INCIDENTS);
                    assertThat(items).filteredOn(i -> i.get("type").asText().equals(WATCHED.get(3)))
                            .hasSize(ESCALATED);
                }
                assertThat(items(feedTwo, allIncidents)).isEqualTo(items(feedOne, allIncidents));
            });
            for (SseReader feed : List.of(feedOne, feedTwo)) {
                assertThat(items(feed, allIncidents)).extracting(i -> i.get("eventId").asText())
                        .doesNotHaveDuplicates();
            }
            assertThat(handledIds).hasSize(HANDLED);
            System.out.printf("[two-of-each] %d incidents, %d HTTP answers, %d webhook deliveries (%d sent again after"
                    + " a failed attempt: %s), %d and %d feed items; started in %s%n", INCIDENTS, answers.size(),
                    sent.size(), resends, failedAttempts, feedOne.data().size(), feedTwo.data().size(),
                    platform.startTimes());
        } finally {
            clients.shutdownNow();
            receiver.stop(0);
        }
        assertThat(answers).as("answers of 500 or more").filteredOn(a -> a.matches(".* -> 5\\d\\d$")).isEmpty();
    }

    private UUID report(String incidentService, String title, int impact, int urgency) throws Exception {
        return UUID.fromString(send("POST", incidentService + "/incidents", "reporter", """
                {"title":"%s","category":"it-service","impact":%d,"urgency":%d}""".formatted(title, impact, urgency),
                201).get("incidentId").asText());
    }

    /** A webhook receiver that keeps every delivery and answers 200 at once. */
    private HttpServer receiver() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            receipts.add(new Receipt(exchange.getRequestHeaders().getFirst("X-Incidentloop-Delivery"),
                    JSON.readTree(body).get("id").asText()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return server;
    }

    private List<JsonNode> items(SseReader feed, Set<UUID> incidents) throws IOException {
        List<JsonNode> items = new ArrayList<>();
        for (String data : feed.data()) {
            JsonNode item = JSON.readTree(data);
            if (incidents.contains(UUID.fromString(item.get("incidentId").asText()))) {
                items.add(item);
            }
        }
        return items;
    }

    private static <T> Set<T> results(List<Future<T>> futures) throws Exception {
        Set<T> results = new HashSet<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    /** Reads the topic from its beginning until {@code enough} holds; the events by incident, in topic order. */
    private Map<String, List<EventEnvelope>> read(LocalPlatform platform, String topic,
                                                  Function<Map<String, List<EventEnvelope>>, Boolean> enough) {
        try (var consumer = TopicReader.fromStart(platform, topic)) {
            List<TopicPartition> partitions = List.copyOf(consumer.assignment());
            Map<String, List<EventEnvelope>> byIncident = new HashMap<>();
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    byIncident.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(codec.decode(record.value()));
                }
                return enough.apply(byIncident);
            });
            // what came after the condition held, up to the end
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    byIncident.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(codec.decode(record.value()));
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            return byIncident;
        }
    }

    private int status(String method, String url, String user) throws Exception {
        return exchange(method, url, user, null).statusCode();
    }

    private JsonNode send(String method, String url, String user, String json, int expected) throws Exception {
        HttpResponse<String> response = exchange(method, url, user, json);
        assertThat(response.statusCode()).as("%s %s: %s", method, url, response.body()).isEqualTo(expected);
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private HttpResponse<String> exchange(String method, String url, String user, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        answers.add(method + " " + url + " -> " + response.statusCode());
        return response;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-demo")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** 0, 1, ... {@code count - 1}: the sequence numbers of an incident's events from one service. */
    private static List<Long> sequence(int count) {
        return IntStream.range(0, count).mapToObj(i -> (long) i).toList();
    }
}
