package dev.incidentloop.escalation.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentloop.escalation.EscalationStreams;
import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.Topics;
import dev.incidentloop.testsupport.KafkaProbe;
import dev.incidentloop.testsupport.RealInfrastructure;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import dev.incidentloop.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A record on the incident topic that is no event is parked with its reason; the events around it still apply. */
@ServiceIntegrationTest
class DeadLetterIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    WebTestClient web;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void an_undecodable_record_is_dead_lettered_and_the_events_before_and_after_it_are_applied() {
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        // all under the first incident's key, so on one partition: its event, the poison, the second incident's event
        String key = before.toString();
        String poison = "{\"specversion\":\"1.0\",\"type\":\"not.an.event\"}";
        // paused while they are sent, so that one poll brings the event before the poison, the poison and the next
        MessageListenerContainer live = listeners.getListenerContainer(IncidentEventListener.ID);
        live.pause();
        await().atMost(WAIT).until(live::isContainerPaused);
        EscalationStreams.publish(classified(before));
        KafkaProbe.send(RealInfrastructure.kafkaBootstrapServers(), Topics.INCIDENT_EVENTS.name(), key,
                poison.getBytes(StandardCharsets.UTF_8));
        KafkaProbe.send(RealInfrastructure.kafkaBootstrapServers(), Topics.INCIDENT_EVENTS.name(), key,
                encoded(classified(after)));
        live.resume();

        try (var deadLetters = new KafkaProbe(RealInfrastructure.kafkaBootstrapServers(),
                Topics.INCIDENT_EVENTS.deadLetter("escalation-service"))) {
            KafkaProbe.Parked parked = deadLetters.awaitParked(key, WAIT);
            assertThat(parked.value()).isEqualTo(poison);
            assertThat(parked.reason()).startsWith("EventDecodingException");
        }
        for (UUID incident : new UUID[] {before, after}) {
            await().atMost(WAIT).untilAsserted(() -> clocks(incident).expectStatus().isOk().expectBody()
                    .jsonPath("$.length()").isEqualTo(2)
                    .jsonPath("$[0].clock").isEqualTo("response")
                    .jsonPath("$[1].clock").isEqualTo("resolution"));
        }
    }

    /** What an operator alerts on is served to Prometheus: dead letters, consumer lag, the outbox's backlog. */
    @Test
    void the_metrics_to_alert_on_are_served_to_an_admin() {
        KafkaProbe.send(RealInfrastructure.kafkaBootstrapServers(), Topics.INCIDENT_EVENTS.name(),
                UUID.randomUUID().toString(), "not even json".getBytes(StandardCharsets.UTF_8));

        await().atMost(WAIT).untilAsserted(() -> assertThat(prometheus(TestUsers.ADMIN).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody())
                .containsPattern("platform_dead_letters_total\\{application=\"escalation-service\",cause="
                        + "\"EventDecodingException\",topic=\"incident.events.v1\"} [1-9]")
                .contains("kafka_consumer_fetch_manager_records_lag_max{")
                .contains("platform_outbox_backlog{application=\"escalation-service\"}")
                .contains("platform_outbox_oldest_seconds{application=\"escalation-service\"}"));
        prometheus(TestUsers.RESPONDER).expectStatus().isForbidden();
    }

    private WebTestClient.ResponseSpec prometheus(String user) {
        return web.get().uri("/actuator/prometheus")
                .headers(h -> h.setBasicAuth(user, TestUsers.password(user))).exchange();
    }

    private static IncidentClassified classified(UUID incident) {
        return new IncidentClassified(incident, Category.IT_SERVICE, new Classification.ItService(2, 2), Priority.P3,
                "li.wei", Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private static byte[] encoded(IncidentClassified event) {
        return new EventCodec().encode(new EventEnvelope(UUID.randomUUID(), "/incident-service", event.occurredAt(),
                0, event));
    }

    private WebTestClient.ResponseSpec clocks(UUID incident) {
        return web.get().uri("/clocks/" + incident)
                .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                .exchange();
    }
}
