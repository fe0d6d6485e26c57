package dev.incidentloop.escalation.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.events.IncidentEvent;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SlaBreached;
import dev.incidentloop.events.SlaClock;
import dev.incidentloop.events.SlaDeadlineSet;
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
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Incident events arrive through the real Kafka listener; deadlines, breaches and escalations leave through the
 * outbox to Kafka. The test profile gives P3 a response target of 2 s and a resolution target of 4 s.
 */
@ServiceIntegrationTest
class EscalationIT {

    private static final Duration P3_RESPONSE = Duration.ofSeconds(2);
    private static final Duration P3_RESOLUTION = Duration.ofSeconds(4);

    @Autowired
    WebTestClient web;

    private final EventCodec codec = new EventCodec();

    @Test
    void an_incident_nobody_handles_breaches_both_clocks_and_is_escalated_once() {
        UUID incident = UUID.randomUUID();
        IncidentClassified classified = classified(incident);
        EventEnvelope envelope = envelope(classified, 1);

        publish(envelope);
        publish(envelope); // redelivered: must not start second clocks, breach or escalate twice

        try (var stream = probe()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> events(stream, incident).size() == 5);
            List<Object> events = events(stream, incident);
            assertThat(events).filteredOn(SlaDeadlineSet.class::isInstance).map(SlaDeadlineSet.class::cast)
                    .extracting(SlaDeadlineSet::clock, SlaDeadlineSet::target, SlaDeadlineSet::dueAt)
                    .containsExactly(
                            tuple(SlaClock.RESPONSE, P3_RESPONSE,
                                    classified.occurredAt().plus(P3_RESPONSE)),
                            tuple(SlaClock.RESOLUTION, P3_RESOLUTION,
                                    classified.occurredAt().plus(P3_RESOLUTION)));
            assertThat(events).filteredOn(SlaBreached.class::isInstance).map(SlaBreached.class::cast)
                    .extracting(SlaBreached::clock).containsExactly(SlaClock.RESPONSE, SlaClock.RESOLUTION);
            assertThat(events).filteredOn(SlaBreached.class::isInstance).map(SlaBreached.class::cast)
                    .allSatisfy(b -> assertThat(b.elapsed()).isGreaterThanOrEqualTo(b.target()));
            assertThat(events).filteredOn(IncidentEscalated.class::isInstance).singleElement()
                    .isInstanceOfSatisfying(IncidentEscalated.class, e -> {
                        assertThat(e.level()).isEqualTo(1);
                        assertThat(e.reason()).isEqualTo("response-sla");
                        assertThat(e.priority()).isEqualTo(Priority.P3);
                        assertThat(e.target()).isEqualTo(P3_RESPONSE);
                    });
            assertThat(stream.seen(r -> r.key().equals(incident.toString())))
                    .extracting(r -> codec.decode(r.value()).sequence()).containsExactly(0L, 1L, 2L, 3L, 4L);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                    events(stream, incident).size() == 5);
        }
        clocks(incident).expectStatus().isOk().expectBody()
                .jsonPath("$[0].clock").isEqualTo("response")
                .jsonPath("$[0].breachedAt").isNotEmpty()
                .jsonPath("$[1].clock").isEqualTo("resolution")
                .jsonPath("$[1].breachedAt").isNotEmpty()
                .jsonPath("$[1].stoppedAt").isEmpty();
    }

    @Test
    void an_incident_acknowledged_and_resolved_in_time_breaches_nothing() {
        UUID incident = UUID.randomUUID();
        IncidentClassified classified = classified(incident);

        publish(envelope(classified, 1));
        publish(envelope(new IncidentAcknowledged(incident, "zhang.min", classified.occurredAt().plusMillis(500)), 2));
        publish(envelope(new IncidentResolved(incident, "zhang.min", "config-fix", "restarted", null, null,
                classified.occurredAt().plusMillis(900)), 3));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                clocks(incident).expectStatus().isOk().expectBody()
                        .jsonPath("$[0].stoppedAt").isNotEmpty()
                        .jsonPath("$[1].stoppedAt").isNotEmpty());
        try (var stream = probe()) {
            await().during(P3_RESOLUTION.plusSeconds(2)).atMost(P3_RESOLUTION.plusSeconds(4)).until(() ->
                    events(stream, incident).stream().allMatch(SlaDeadlineSet.class::isInstance)
                            && events(stream, incident).size() == 2);
        }
        clocks(incident).expectBody().jsonPath("$[0].breachedAt").isEmpty().jsonPath("$[1].breachedAt").isEmpty();
    }

    @Test
    void an_acknowledged_incident_still_breaches_its_resolution_clock_but_is_not_escalated() {
        UUID incident = UUID.randomUUID();
        IncidentClassified classified = classified(incident);

        publish(envelope(classified, 1));
        publish(envelope(new IncidentAcknowledged(incident, "zhang.min", classified.occurredAt().plusMillis(500)), 2));

        try (var stream = probe()) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    events(stream, incident).stream().anyMatch(SlaBreached.class::isInstance));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() ->
                    events(stream, incident).size() == 3);
            assertThat(events(stream, incident)).filteredOn(SlaBreached.class::isInstance).singleElement()
                    .extracting(e -> ((SlaBreached) e).clock()).isEqualTo(SlaClock.RESOLUTION);
        }
    }

    @Test
    void clocks_are_for_responders_and_analysts_only() {
        web.get().uri("/clocks/" + UUID.randomUUID()).exchange().expectStatus().isUnauthorized();
        web.get().uri("/clocks/" + UUID.randomUUID())
                .headers(h -> h.setBasicAuth(TestUsers.REPORTER, TestUsers.password(TestUsers.REPORTER)))
                .exchange().expectStatus().isForbidden();
    }

    private KafkaProbe probe() {
        return new KafkaProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.ESCALATION_EVENTS.name());
    }

    private List<Object> events(KafkaProbe stream, UUID incident) {
        return stream.seen(r -> r.key().equals(incident.toString())).stream()
                .map(r -> (Object) codec.decode(r.value()).data()).toList();
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

    private WebTestClient.ResponseSpec clocks(UUID incident) {
        return web.get().uri("/clocks/" + incident)
                .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                .exchange();
    }
}
