package dev.incidentloop.reporting;

import static org.awaitility.Awaitility.await;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.DomainEvent;
import dev.incidentloop.events.EscalationEvent;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentClosed;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.Topics;
import dev.incidentloop.testsupport.KafkaProbe;
import dev.incidentloop.testsupport.RealInfrastructure;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import dev.incidentloop.testsupport.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Events arrive through the real Kafka listener, each delivered twice; the figures must not move. */
@ServiceIntegrationTest
class ReportingIT {

    private static final Instant T0 = Instant.parse("2020-01-06T10:00:00Z");

    @Autowired
    WebTestClient web;

    private final EventCodec codec = new EventCodec();

    @Test
    void kpis_count_each_incident_once_even_when_every_event_is_delivered_twice() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        List<DomainEvent> events = new ArrayList<>();
        events.addAll(reported(a));
        events.add(new IncidentAcknowledged(a, "zhang.min", T0.plusSeconds(600)));
        events.add(new IncidentResolved(a, "zhang.min", "fixed", null, null, null, T0.plusSeconds(3600)));
        events.add(new IncidentClosed(a, "li.wei", T0.plusSeconds(7200)));
        events.add(new IncidentEscalated(a, 1, "response-sla", Priority.P3, Duration.ofMinutes(5),
                T0.plusSeconds(300)));
        events.addAll(reported(b));
        events.add(new IncidentAcknowledged(b, "wang.fang", T0.plusSeconds(1800)));
        events.addAll(reported(c));

        long sequence = 0;
        for (DomainEvent event : events) {
            EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "/test", event.occurredAt(), sequence++,
                    event);
            String topic = event instanceof EscalationEvent ? Topics.ESCALATION_EVENTS.name()
                    : Topics.INCIDENT_EVENTS.name();
            for (int delivery = 0; delivery < 2; delivery++) {
                KafkaProbe.send(RealInfrastructure.kafkaBootstrapServers(), topic, event.incidentId().toString(),
                        codec.encode(envelope));
            }
        }

        String period = "/kpi/summary?from=2020-01-06T00:00:00Z&to=2020-01-07T00:00:00Z";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> analyst(period).expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.acknowledged").isEqualTo(2)
                .jsonPath("$.resolved").isEqualTo(1)
                .jsonPath("$.escalated").isEqualTo(1)
                .jsonPath("$.meanTimeToAcknowledgeSeconds").isEqualTo(1200.0)
                .jsonPath("$.meanTimeToResolveSeconds").isEqualTo(3600.0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> analyst("/sla/" + a).expectStatus().isOk()
                .expectBody().jsonPath("$.escalations").isEqualTo(1)
                .jsonPath("$.timeToAcknowledge").isEqualTo("PT10M")
                .jsonPath("$.timeToResolve").isEqualTo("PT1H")
                .jsonPath("$.priority").isEqualTo("P3")
                .jsonPath("$.closedAt").isEqualTo("2020-01-06T12:00:00Z"));
    }

    @Test
    void a_period_that_ends_before_it_starts_is_rejected_naming_the_field() {
        analyst("/kpi/summary?from=2020-01-07T00:00:00Z&to=2020-01-06T00:00:00Z")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
        analyst("/kpi/summary?from=yesterday")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
    }

    @Test
    void reports_are_for_analysts() {
        web.get().uri("/kpi/summary").exchange().expectStatus().isUnauthorized();
        web.get().uri("/kpi/summary")
                .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                .exchange().expectStatus().isForbidden();
    }

    private static List<DomainEvent> reported(UUID incident) {
        return List.of(
                new IncidentReported(incident, "Printer on fire", null, Category.IT_SERVICE, "li.wei", "http", T0),
                new IncidentClassified(incident, Category.IT_SERVICE, new Classification.ItService(2, 2),
                        Priority.P3, "li.wei", T0));
    }

    private WebTestClient.ResponseSpec analyst(String uri) {
        return web.get().uri(uri)
                .headers(h -> h.setBasicAuth(TestUsers.ANALYST, TestUsers.password(TestUsers.ANALYST)))
                .exchange();
    }
}
