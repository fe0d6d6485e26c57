package dev.incidentloop.incident.escalations;

import static org.awaitility.Awaitility.await;

import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.EscalationKind;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.ResolutionUnconfirmed;
import dev.incidentloop.events.SupportLine;
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

/**
 * DOMAIN.md section 2, rule "Lines of support": an IncidentEscalated from escalation-service, through the real
 * listener, moves the incident to the line and group the level pages, once, and never back down.
 */
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
                Duration.ofHours(2), List.of("wang.fang"), 0, SupportLine.SECOND, "erp-specialists", Instant.now());
        var envelope = new EventEnvelope(UUID.randomUUID(), "/escalation-service", escalated.occurredAt(), 0,
                escalated);
        // a repeated notification of the same level, a hierarchical escalation, a level that pages no line and one
        // that pages a lower line: none changes the line
        var repeated = new IncidentEscalated(id, 1, EscalationKind.FUNCTIONAL, "response-sla", Priority.P3,
                Duration.ofHours(2), List.of("wang.fang"), 1, SupportLine.SECOND, "erp-specialists", Instant.now());
        var hierarchical = new IncidentEscalated(id, 2, EscalationKind.HIERARCHICAL, "response-sla", Priority.P3,
                Duration.ofHours(2), List.of("director.li"), 0, null, null, Instant.now());
        var informing = new IncidentEscalated(id, 2, EscalationKind.FUNCTIONAL, "response-sla", Priority.P3,
                Duration.ofHours(2), List.of("team.lead"), 0, null, null, Instant.now());
        var lower = new IncidentEscalated(id, 3, EscalationKind.FUNCTIONAL, "resolution-sla", Priority.P3,
                Duration.ofHours(2), List.of("desk.on.call"), 0, SupportLine.FIRST, "service-desk", Instant.now());

        for (int delivery = 0; delivery < 2; delivery++) {
            KafkaProbe.send(RealInfrastructure.kafkaBootstrapServers(), Topics.ESCALATION_EVENTS.name(),
                    id.toString(), codec.encode(envelope));
        }
        long sequence = 1;
        for (IncidentEscalated other : List.of(repeated, hierarchical, informing, lower)) {
            KafkaProbe.send(RealInfrastructure.kafkaBootstrapServers(), Topics.ESCALATION_EVENTS.name(),
                    id.toString(), codec.encode(new EventEnvelope(UUID.randomUUID(), "/escalation-service",
                            other.occurredAt(), sequence++, other)));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(id).expectBody()
                .jsonPath("$.supportLine").isEqualTo("second")
                .jsonPath("$.assignmentGroup").isEqualTo("erp-specialists"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> get(id).expectBody()
                .jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.reassignments").isEqualTo(0));
    }

    /** DOMAIN.md section 2, "Confirmation and closure", timed by escalation-service. */
    @Test
    void a_resolution_that_lapsed_unconfirmed_closes_the_incident_and_an_earlier_one_does_not() {
        UUID lapsed = report();
        UUID resolvedAgain = report();
        for (UUID id : List.of(lapsed, resolvedAgain)) {
            web.post().uri("/incidents/" + id + "/resolve")
                    .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                    .bodyValue(Map.of("resolutionCode", "fixed")).exchange().expectStatus().isOk();
        }
        Instant resolvedAt = Instant.parse(get(lapsed).expectBody(Map.class).returnResult().getResponseBody()
                .get("resolvedAt").toString());
        Instant otherResolvedAt = Instant.parse(get(resolvedAgain).expectBody(Map.class).returnResult()
                .getResponseBody().get("resolvedAt").toString());

        send(new ResolutionUnconfirmed(lapsed, resolvedAt, "5 working-days", Instant.now()));
        send(new ResolutionUnconfirmed(lapsed, resolvedAt, "5 working-days", Instant.now())); // redelivered
        send(new ResolutionUnconfirmed(resolvedAgain, otherResolvedAt.minusSeconds(3600), "5 working-days",
                Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(lapsed).expectBody()
                .jsonPath("$.state").isEqualTo("CLOSED")
                .jsonPath("$.closedBy").isEqualTo("system"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                get(resolvedAgain).expectBody().jsonPath("$.state").isEqualTo("RESOLVED"));
    }

    private UUID report() {
        return web.post().uri("/incidents")
                .headers(h -> h.setBasicAuth(TestUsers.REPORTER, TestUsers.password(TestUsers.REPORTER)))
                .bodyValue(Map.of("title", "Printer offline", "category", "it-service", "impact", 3, "urgency", 3))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("incidentId").toString()
                .transform(UUID::fromString);
    }

    private void send(dev.incidentloop.events.EscalationEvent event) {
        KafkaProbe.send(RealInfrastructure.kafkaBootstrapServers(), Topics.ESCALATION_EVENTS.name(),
                event.incidentId().toString(), codec.encode(new EventEnvelope(UUID.randomUUID(),
                        "/escalation-service", event.occurredAt(), 0, event)));
    }

    private WebTestClient.ResponseSpec get(UUID id) {
        return web.get().uri("/incidents/" + id)
                .headers(h -> h.setBasicAuth(TestUsers.REPORTER, TestUsers.password(TestUsers.REPORTER)))
                .exchange().expectStatus().isOk();
    }
}
