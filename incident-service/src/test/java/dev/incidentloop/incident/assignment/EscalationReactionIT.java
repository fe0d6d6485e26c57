package dev.incidentloop.incident.assignment;

import static org.awaitility.Awaitility.await;

import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.EscalationKind;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.Topics;
import dev.incidentloop.testsupport.KafkaProbe;
import dev.incidentloop.testsupport.RealInfrastructure;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import dev.incidentloop.testsupport.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** An IncidentEscalated from escalation-service, through the real listener, moves the incident one line up. */
@ServiceIntegrationTest
class EscalationReactionIT {

    @Autowired
    WebTestClient web;

    private final EventCodec codec = new EventCodec();

    @Test
    void a_functional_escalation_moves_the_incident_to_the_second_line_group_once_even_when_redelivered() {
        UUID id = web.post().uri("/incidents")
                .headers(h -> h.setBasicAuth(TestUsers.REPORTER, TestUsers.password(TestUsers.REPORTER)))
                .bodyValue(Map.of("title", "ERP slow", "category", "it-service", "impact", 2, "urgency", 2))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("incidentId").toString()
                .transform(UUID::fromString);
        var escalated = new IncidentEscalated(id, 1, EscalationKind.FUNCTIONAL, "response-sla", Priority.P3,
                Duration.ofHours(2), List.of("wang.fang"), 0, Instant.now());
        var envelope = new EventEnvelope(UUID.randomUUID(), "/escalation-service", escalated.occurredAt(), 0,
                escalated);
        // a repeated notification of the same level, and a hierarchical escalation: neither changes the line
        var repeated = new IncidentEscalated(id, 1, EscalationKind.FUNCTIONAL, "response-sla", Priority.P3,
                Duration.ofHours(2), List.of("wang.fang"), 1, Instant.now());
        var hierarchical = new IncidentEscalated(id, 2, EscalationKind.HIERARCHICAL, "response-sla", Priority.P3,
                Duration.ofHours(2), List.of("director.li"), 0, Instant.now());

        for (int delivery = 0; delivery < 2; delivery++) {
            KafkaProbe.send(RealInfrastructure.kafkaBootstrapServers(), Topics.ESCALATION_EVENTS.name(),
                    id.toString(), codec.encode(envelope));
        }
        long sequence = 1;
        for (IncidentEscalated other : List.of(repeated, hierarchical)) {
            KafkaProbe.send(RealInfrastructure.kafkaBootstrapServers(), Topics.ESCALATION_EVENTS.name(),
                    id.toString(), codec.encode(new EventEnvelope(UUID.randomUUID(), "/escalation-service",
                            other.occurredAt(), sequence++, other)));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(id).expectBody()
                .jsonPath("$.supportLine").isEqualTo("second")
                .jsonPath("$.assignmentGroup").isEqualTo("second-line"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> get(id).expectBody()
                .jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.reassignments").isEqualTo(0));
    }

    private WebTestClient.ResponseSpec get(UUID id) {
        return web.get().uri("/incidents/" + id)
                .headers(h -> h.setBasicAuth(TestUsers.REPORTER, TestUsers.password(TestUsers.REPORTER)))
                .exchange().expectStatus().isOk();
    }
}
