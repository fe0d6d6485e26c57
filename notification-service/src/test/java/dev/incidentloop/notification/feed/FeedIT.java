package dev.incidentloop.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.DomainEvent;
import dev.incidentloop.events.EscalationKind;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.Topics;
import dev.incidentloop.testsupport.KafkaProbe;
import dev.incidentloop.testsupport.RealInfrastructure;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import dev.incidentloop.testsupport.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** Events come in through the real Kafka listeners; on-call staff read them as SSE. */
@ServiceIntegrationTest
class FeedIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    WebTestClient web;

    private final EventCodec codec = new EventCodec();

    @Test
    void a_client_that_reconnects_with_last_event_id_gets_what_it_missed_and_nothing_twice() {
        UUID incident = UUID.randomUUID();
        publish(Topics.INCIDENT_EVENTS.name(), reported(incident), 0);
        // two topics have no order between them: let the first item be stored before the escalation arrives
        await().atMost(WAIT).until(() -> itemsOf(incident).size() == 1);
        publish(Topics.ESCALATION_EVENTS.name(), new IncidentEscalated(incident, 1,
                EscalationKind.FUNCTIONAL, "response-sla", Priority.P3, Duration.ofHours(2), List.of("wang.fang"), 0, null,
                null, Instant.now()), 0);

        List<ServerSentEvent<FeedItem>> first = feed(null, incident).take(2).collectList().block(WAIT);
        assertThat(first).extracting(e -> e.data().type())
                .containsExactly("dev.incidentloop.incident.reported", "dev.incidentloop.escalation.escalated");
        assertThat(first.get(0).id()).isEqualTo(Long.toString(first.get(0).data().id()));
        assertThat(first.get(1).data().summary()).isEqualTo(
                "Functional escalation, level 1: P3, response-sla, to wang.fang");

        // The client saw only the first item before its connection dropped; the rest comes after reconnecting.
        publish(Topics.INCIDENT_EVENTS.name(), new IncidentAcknowledged(incident, "zhang.min", Instant.now()), 2);
        List<ServerSentEvent<FeedItem>> resumed = feed(first.get(0).id(), incident).take(2).collectList().block(WAIT);

        assertThat(resumed).extracting(e -> e.data().type())
                .containsExactly("dev.incidentloop.escalation.escalated", "dev.incidentloop.incident.acknowledged");
        assertThat(resumed.get(0).id()).isEqualTo(first.get(1).id());
    }

    @Test
    void a_redelivered_event_makes_one_feed_item() {
        UUID incident = UUID.randomUUID();
        EventEnvelope envelope = envelope(reported(incident), 0);
        String key = incident.toString();

        KafkaProbe.send(RealInfrastructure.kafkaBootstrapServers(), Topics.INCIDENT_EVENTS.name(), key,
                codec.encode(envelope));
        KafkaProbe.send(RealInfrastructure.kafkaBootstrapServers(), Topics.INCIDENT_EVENTS.name(), key,
                codec.encode(envelope));
        publish(Topics.INCIDENT_EVENTS.name(), new IncidentAcknowledged(incident, "zhang.min", Instant.now()), 1);

        await().atMost(WAIT).untilAsserted(() -> assertThat(itemsOf(incident))
                .extracting(FeedItem::type).contains("dev.incidentloop.incident.acknowledged"));
        assertThat(itemsOf(incident)).extracting(FeedItem::eventId).containsOnlyOnce(envelope.id());
        assertThat(itemsOf(incident)).hasSize(2);
    }

    @Test
    void the_feed_is_for_responders() {
        web.get().uri("/feed").accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isUnauthorized();
        web.get().uri("/feed/items")
                .headers(h -> h.setBasicAuth(TestUsers.ANALYST, TestUsers.password(TestUsers.ANALYST)))
                .exchange().expectStatus().isForbidden();
    }

    private Flux<ServerSentEvent<FeedItem>> feed(String lastEventId, UUID incident) {
        return web.mutate().responseTimeout(WAIT).build()
                .get().uri("/feed").accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> {
                    h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER));
                    if (lastEventId != null) {
                        h.set("Last-Event-ID", lastEventId);
                    }
                })
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<FeedItem>>() { })
                .getResponseBody()
                .filter(e -> e.data() != null && e.data().incidentId().equals(incident));
    }

    private List<FeedItem> itemsOf(UUID incident) {
        return web.get().uri("/feed/items?after=0&limit=500")
                .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                .exchange().expectStatus().isOk()
                .expectBodyList(FeedItem.class).returnResult().getResponseBody()
                .stream().filter(i -> i.incidentId().equals(incident)).toList();
    }

    private static IncidentReported reported(UUID incident) {
        return new IncidentReported(incident, "Mail down", null, Category.IT_SERVICE, "li.wei", "http", Instant.now());
    }

    private static EventEnvelope envelope(DomainEvent event, long sequence) {
        return new EventEnvelope(UUID.randomUUID(), "/test", event.occurredAt(), sequence, event);
    }

    private void publish(String topic, DomainEvent event, long sequence) {
        KafkaProbe.send(RealInfrastructure.kafkaBootstrapServers(), topic, event.incidentId().toString(),
                codec.encode(envelope(event, sequence)));
    }
}
