package dev.incidentloop.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.assertj.core.api.InstanceOfAssertFactories;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentloop.events.DomainEvent;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentAssigned;
import dev.incidentloop.events.NotificationDelivered;
import dev.incidentloop.events.NotificationFailed;
import dev.incidentloop.events.SupportLine;
import dev.incidentloop.events.Topics;
import dev.incidentloop.testsupport.KafkaProbe;
import dev.incidentloop.testsupport.RealInfrastructure;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import dev.incidentloop.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Webhooks against real HTTP receivers. The test profile allows 3 attempts, a backoff from 200 ms doubling up to
 * 800 ms, 1 s per attempt and 2 attempts in flight per receiver. Each test subscribes for a team of its own.
 */
@ServiceIntegrationTest
class WebhookIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SECRET = "a-secret-of-at-least-16-chars";

    @Autowired
    WebTestClient web;

    private final EventCodec codec = new EventCodec();

    @Test
    void a_delivery_is_signed_so_that_the_receiver_can_verify_it_and_its_outcome_is_an_event() throws Exception {
        try (Receiver receiver = Receiver.answering(204); var outcomes = outcomes()) {
            String team = team();
            UUID webhook = subscribe(team, receiver.url());
            EventEnvelope assigned = publish(assigned(team));

            await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
            Receiver.Request request = receiver.requests().get(0);
            // what a receiver does: HMAC-SHA256 over "<timestamp>.<body>" with the shared secret, compared in
            // constant time, and the timestamp checked for freshness
            String timestamp = request.header(WebhookSigner.TIMESTAMP);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(request.body()));
            assertThat(MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    request.header(WebhookSigner.SIGNATURE).getBytes(StandardCharsets.US_ASCII))).isTrue();
            assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp))).isLessThan(300);
            assertThat(codec.decode(request.body()).id()).isEqualTo(assigned.id());
            assertThat(request.header(WebhookSigner.EVENT_TYPE)).isEqualTo("dev.incidentloop.incident.assigned");
            String deliveryId = request.header(WebhookSigner.DELIVERY);

            var delivered = outcomes.awaitRecord(r -> codec.decode(r.value()).data() instanceof NotificationDelivered d
                    && d.deliveryId().toString().equals(deliveryId), WAIT);
            assertThat((NotificationDelivered) codec.decode(delivered.value()).data()).satisfies(d -> {
                assertThat(d.receiver()).isEqualTo("hook-" + team);
                assertThat(d.attempts()).isEqualTo(1);
                assertThat(d.eventId()).isEqualTo(assigned.id());
            });
            admin("/webhooks/" + webhook + "/deliveries").expectStatus().isOk().expectBody()
                    .jsonPath("$[0].id").isEqualTo(deliveryId).jsonPath("$[0].status").isEqualTo("delivered");
            // a tampered body does not verify
            byte[] tampered = new String(request.body(), StandardCharsets.UTF_8).replace(team, "other")
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(WebhookSigner.sign(SECRET, Long.parseLong(timestamp), tampered))
                    .isNotEqualTo(request.header(WebhookSigner.SIGNATURE));
        }
    }

    @Test
    void a_server_error_is_retried_with_growing_waits_until_it_is_delivered() throws Exception {
        try (Receiver receiver = Receiver.answering(503, 500, 200)) {
            String team = team();
            subscribe(team, receiver.url());
            publish(assigned(team));

            await().atMost(WAIT).until(() -> receiver.requests().size() == 3);
            List<Instant> at = receiver.requests().stream().map(Receiver.Request::at).toList();
            Duration first = Duration.between(at.get(0), at.get(1));
            Duration second = Duration.between(at.get(1), at.get(2));
            // the backoff waits at least 100 ms after attempt 1 and at least 200 ms after attempt 2; how much longer
            // depends on polling and on how busy the machine is, so only the lower bounds are the rule
            assertThat(first).isGreaterThanOrEqualTo(Duration.ofMillis(100));
            assertThat(second).isGreaterThanOrEqualTo(Duration.ofMillis(200));
            assertThat(receiver.requests()).extracting(r -> r.header(WebhookSigner.DELIVERY)).containsOnly(
                    receiver.requests().get(0).header(WebhookSigner.DELIVERY));
            String deliveryId = receiver.requests().get(0).header(WebhookSigner.DELIVERY);
            await().atMost(WAIT).untilAsserted(() -> admin("/webhooks/deliveries/" + deliveryId).expectBody()
                    .jsonPath("$.status").isEqualTo("delivered")
                    .jsonPath("$.attempts[0].status").isEqualTo(503)
                    .jsonPath("$.attempts[1].status").isEqualTo(500)
                    .jsonPath("$.attempts[2].status").isEqualTo(200));
        }
    }

    @Test
    void a_client_error_is_not_retried() throws Exception {
        try (Receiver receiver = Receiver.answering(400); var outcomes = outcomes()) {
            String team = team();
            subscribe(team, receiver.url());
            publish(assigned(team));

            var failed = outcomes.awaitRecord(r -> codec.decode(r.value()).data() instanceof NotificationFailed f
                    && f.receiver().equals("hook-" + team), WAIT);
            assertThat((NotificationFailed) codec.decode(failed.value()).data()).satisfies(f -> {
                assertThat(f.attempts()).isEqualTo(1);
                assertThat(f.lastStatus()).isEqualTo(400);
                assertThat(f.reason()).startsWith("refused");
            });
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                    receiver.requests().size() == 1);
        }
    }

    @Test
    void a_receiver_that_keeps_failing_is_dead_lettered_after_the_last_attempt() throws Exception {
        try (Receiver receiver = Receiver.answering(503); var outcomes = outcomes()) {
            String team = team();
            UUID webhook = subscribe(team, receiver.url());
            publish(assigned(team));

            var failed = outcomes.awaitRecord(r -> codec.decode(r.value()).data() instanceof NotificationFailed f
                    && f.receiver().equals("hook-" + team), WAIT);
            assertThat((NotificationFailed) codec.decode(failed.value()).data()).satisfies(f -> {
                assertThat(f.attempts()).isEqualTo(3);
                assertThat(f.lastStatus()).isEqualTo(503);
                assertThat(f.reason()).startsWith("dead-lettered after 3 attempts");
            });
            assertThat(receiver.requests()).hasSize(3);
            admin("/webhooks/" + webhook + "/deliveries?status=dead").expectStatus().isOk().expectBody()
                    .jsonPath("$.length()").isEqualTo(1);
        }
    }

    @Test
    void a_dead_delivery_is_tried_once_more_on_an_admins_word() throws Exception {
        try (Receiver receiver = Receiver.answering(503, 503, 503, 200)) {
            String team = team();
            UUID webhook = subscribe(team, receiver.url());
            publish(assigned(team));
            JsonNode dead = await().atMost(WAIT).until(() -> admin("/webhooks/" + webhook + "/deliveries?status=dead")
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody(),
                    found -> found.size() == 1);
            String delivery = dead.get(0).get("id").asText();

            retry(delivery).expectStatus().isAccepted().expectBody().jsonPath("$.status").isEqualTo("pending");

            await().atMost(WAIT).untilAsserted(() -> admin("/webhooks/deliveries/" + delivery).expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("delivered")
                    .jsonPath("$.attempts.length()").isEqualTo(4));
            assertThat(receiver.requests()).hasSize(4);
            assertThat(receiver.requests()).extracting(r -> r.header("X-Incidentloop-Delivery"))
                    .containsOnly(delivery);
            retry(delivery).expectStatus().isEqualTo(409);
            retry(UUID.randomUUID().toString()).expectStatus().isNotFound();
        }
    }

    @Test
    void a_redelivered_event_is_delivered_once() throws Exception {
        try (Receiver receiver = Receiver.answering(200)) {
            String team = team();
            subscribe(team, receiver.url());
            EventEnvelope envelope = publish(assigned(team));
            KafkaProbe.send(RealInfrastructure.kafkaBootstrapServers(), Topics.INCIDENT_EVENTS.name(),
                    envelope.incidentId().toString(), codec.encode(envelope));

            await().atMost(WAIT).until(() -> receiver.requests().size() == 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                    receiver.requests().size() == 1);
        }
    }

    @Test
    void a_slow_receiver_holds_up_neither_the_feed_nor_another_receiver() throws Exception {
        try (Receiver slow = new Receiver(List.of(), () -> 200, Duration.ofSeconds(3));
             Receiver fast = Receiver.answering(200)) {
            String team = team();
            subscribe(team, slow.url());
            subscribe(team, fast.url(), "fast-" + team);
            for (int i = 0; i < 6; i++) {
                publish(assigned(team));
            }

            await().atMost(Duration.ofSeconds(5)).until(() -> fast.requests().size() == 6);
            assertThat(slow.requests().size()).as("the slow one, 2 at a time, each held 3 s").isLessThanOrEqualTo(4);
            web.get().uri("/feed/teams/" + team + "/items")
                    .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(6);
        }
    }

    @Test
    void subscriptions_are_validated_and_for_admins() {
        web.post().uri("/webhooks")
                .headers(h -> h.setBasicAuth(TestUsers.ADMIN, TestUsers.password(TestUsers.ADMIN)))
                .bodyValue(Map.of("name", "", "url", "ftp://example", "secret", "short", "categories",
                        List.of("gossip"), "eventTypes", List.of("dev.incidentloop.incident.teleported")))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat(fields).asInstanceOf(InstanceOfAssertFactories.LIST)
                        .containsExactly("name", "url", "secret", "categories", "eventTypes"));
        web.post().uri("/webhooks")
                .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                .bodyValue(Map.of("name", "x", "url", "http://localhost/x")).exchange().expectStatus().isForbidden();
        JsonNode created = web.post().uri("/webhooks")
                .headers(h -> h.setBasicAuth(TestUsers.ADMIN, TestUsers.password(TestUsers.ADMIN)))
                .bodyValue(Map.of("name", "generated-secret-" + UUID.randomUUID(), "url", "http://localhost:9/x"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(created.get("secret").asText()).hasSize(48);
        assertThat(created.get("webhook").has("secret")).isFalse();
        admin("/webhooks/" + created.get("webhook").get("id").asText()).expectStatus().isOk().expectBody()
                .jsonPath("$.secret").doesNotExist();
        web.delete().uri("/webhooks/" + created.get("webhook").get("id").asText())
                .headers(h -> h.setBasicAuth(TestUsers.ADMIN, TestUsers.password(TestUsers.ADMIN)))
                .exchange().expectStatus().isNoContent();
    }

    private UUID subscribe(String team, String url) {
        return subscribe(team, url, "hook-" + team);
    }

    private UUID subscribe(String team, String url, String name) {
        JsonNode saved = web.post().uri("/webhooks")
                .headers(h -> h.setBasicAuth(TestUsers.ADMIN, TestUsers.password(TestUsers.ADMIN)))
                .bodyValue(Map.of("name", name, "url", url, "secret", SECRET, "teams", List.of(team),
                        "eventTypes", List.of("dev.incidentloop.incident.assigned")))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return UUID.fromString(saved.get("webhook").get("id").asText());
    }

    private WebTestClient.ResponseSpec retry(String delivery) {
        return web.post().uri("/webhooks/deliveries/" + delivery + "/retry")
                .headers(h -> h.setBasicAuth(TestUsers.ADMIN, TestUsers.password(TestUsers.ADMIN))).exchange();
    }

    private WebTestClient.ResponseSpec admin(String uri) {
        return web.get().uri(uri).headers(h -> h.setBasicAuth(TestUsers.ADMIN, TestUsers.password(TestUsers.ADMIN)))
                .exchange();
    }

    private static String team() {
        return "hooks-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static IncidentAssigned assigned(String team) {
        return new IncidentAssigned(UUID.randomUUID(), team, null, SupportLine.FIRST, 0, null, null, "dispatcher",
                Instant.now());
    }

    private EventEnvelope publish(DomainEvent event) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "/test", event.occurredAt(), 0, event);
        KafkaProbe.send(RealInfrastructure.kafkaBootstrapServers(), Topics.INCIDENT_EVENTS.name(),
                event.incidentId().toString(), codec.encode(envelope));
        return envelope;
    }

    private static KafkaProbe outcomes() {
        return new KafkaProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.NOTIFICATION_EVENTS.name());
    }
}
