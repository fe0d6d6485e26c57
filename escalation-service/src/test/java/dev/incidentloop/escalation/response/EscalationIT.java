package dev.incidentloop.escalation.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.events.IncidentEvent;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.Topics;
import dev.incidentloop.testsupport.KafkaProbe;
import dev.incidentloop.testsupport.RealInfrastructure;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import dev.incidentloop.testsupport.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Incident events arrive through the real Kafka listener; escalations leave through the outbox to Kafka. */
@ServiceIntegrationTest
class EscalationIT {

    private static final Duration P3_TARGET = Duration.ofSeconds(2);

    @Autowired
    WebTestClient web;

    private final EventCodec codec = new EventCodec();

    @Test
    void an_incident_not_acknowledged_within_its_target_is_escalated_once() {
        UUID incident = UUID.randomUUID();
        EventEnvelope classified = envelope(classified(incident), 1);

        publish(classified);
        publish(classified); // redelivered: must not start a second clock or escalate twice

        try (var escalations = new KafkaProbe(RealInfrastructure.kafkaBootstrapServers(),
                Topics.ESCALATION_EVENTS.name())) {
            var record = escalations.awaitRecord(r -> r.key().equals(incident.toString()), Duration.ofSeconds(30));
            EventEnvelope envelope = codec.decode(record.value());
            assertThat(envelope.source()).isEqualTo("/escalation-service");
            assertThat(envelope.data()).isInstanceOfSatisfying(IncidentEscalated.class, e -> {
                assertThat(e.level()).isEqualTo(1);
                assertThat(e.reason()).isEqualTo("response-sla");
                assertThat(e.priority()).isEqualTo(Priority.P3);
                assertThat(e.target()).isEqualTo(P3_TARGET);
            });
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                    escalations.seen(r -> r.key().equals(incident.toString())).size() == 1);
        }
        clock(incident).expectStatus().isOk().expectBody()
                .jsonPath("$.escalatedAt").isNotEmpty()
                .jsonPath("$.stoppedAt").isEmpty();
    }

    @Test
    void an_incident_acknowledged_in_time_is_not_escalated() {
        UUID incident = UUID.randomUUID();
        IncidentClassified classified = classified(incident);

        publish(envelope(classified, 1));
        publish(envelope(new IncidentAcknowledged(incident, "zhang.min", classified.occurredAt().plusMillis(500)), 2));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                clock(incident).expectStatus().isOk().expectBody().jsonPath("$.stoppedAt").isNotEmpty());
        try (var escalations = new KafkaProbe(RealInfrastructure.kafkaBootstrapServers(),
                Topics.ESCALATION_EVENTS.name())) {
            await().during(P3_TARGET.plusSeconds(2)).atMost(P3_TARGET.plusSeconds(4)).until(() ->
                    escalations.seen(r -> r.key().equals(incident.toString())).isEmpty());
        }
        clock(incident).expectBody().jsonPath("$.escalatedAt").isEmpty();
    }

    @Test
    void clocks_are_for_responders_and_analysts_only() {
        web.get().uri("/clocks/" + UUID.randomUUID()).exchange().expectStatus().isUnauthorized();
        web.get().uri("/clocks/" + UUID.randomUUID())
                .headers(h -> h.setBasicAuth(TestUsers.REPORTER, TestUsers.password(TestUsers.REPORTER)))
                .exchange().expectStatus().isForbidden();
    }

    private static IncidentClassified classified(UUID incident) {
        return new IncidentClassified(incident, Category.IT_SERVICE, new Classification.ItService(2, 2), Priority.P3,
                "li.wei", Instant.now());
    }

    private static EventEnvelope envelope(IncidentEvent event, long sequence) {
        return new EventEnvelope(UUID.randomUUID(), "/incident-service", event.occurredAt(), sequence, event);
    }

    private void publish(EventEnvelope envelope) {
        KafkaProbe.send(RealInfrastructure.kafkaBootstrapServers(), Topics.INCIDENT_EVENTS.name(),
                envelope.incidentId().toString(), codec.encode(envelope));
    }

    private WebTestClient.ResponseSpec clock(UUID incident) {
        return web.get().uri("/clocks/" + incident)
                .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                .exchange();
    }
}
