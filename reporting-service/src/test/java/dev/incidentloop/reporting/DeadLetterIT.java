package dev.incidentloop.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Topics;
import dev.incidentloop.reporting.facts.FactListener;
import dev.incidentloop.testsupport.KafkaProbe;
import dev.incidentloop.testsupport.RealInfrastructure;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import dev.incidentloop.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A record on an event topic that is no event is parked with its reason; the events around it still count. */
@ServiceIntegrationTest
class DeadLetterIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    WebTestClient web;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void an_undecodable_record_is_dead_lettered_and_the_events_before_and_after_it_are_applied() {
        Story before = Story.reported(Instant.parse("2022-05-02T08:00:00Z"), Category.IT_SERVICE);
        Story after = Story.reported(Instant.parse("2022-05-02T09:00:00Z"), Category.IT_SERVICE);
        // keyed as the first incident: the poison comes after its events on the same partition
        String key = before.id.toString();
        String poison = "{\"specversion\":\"1.0\",\"type\":\"not.an.event\"}";
        // paused while they are sent, so that one poll brings the events before the poison, the poison and more
        MessageListenerContainer live = listeners.getListenerContainer(FactListener.ID);
        live.pause();
        await().atMost(WAIT).until(live::isContainerPaused);
        before.publishTwice();
        KafkaProbe.send(RealInfrastructure.kafkaBootstrapServers(), Topics.INCIDENT_EVENTS.name(), key,
                poison.getBytes(StandardCharsets.UTF_8));
        after.publishTwice();
        live.resume();

        try (var deadLetters = new KafkaProbe(RealInfrastructure.kafkaBootstrapServers(),
                Topics.INCIDENT_EVENTS.deadLetter("reporting-service"))) {
            KafkaProbe.Parked parked = deadLetters.awaitParked(key, WAIT);
            assertThat(parked.value()).isEqualTo(poison);
            assertThat(parked.reason()).startsWith("EventDecodingException");
        }
        for (Story story : new Story[] {before, after}) {
            await().atMost(WAIT).untilAsserted(() -> sla(story).expectStatus().isOk().expectBody()
                    .jsonPath("$.reportedAt").isEqualTo(story.reportedAt.toString()));
        }
    }

    private WebTestClient.ResponseSpec sla(Story story) {
        return web.get().uri("/sla/" + story.id).headers(h -> h.setBasicAuth(TestUsers.ANALYST,
                TestUsers.password(TestUsers.ANALYST))).exchange();
    }
}
