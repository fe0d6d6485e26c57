package dev.incidentloop.incident.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentloop.events.FixType;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentEvent;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.SupportLine;
import dev.incidentloop.events.WorkNoteAdded;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import dev.incidentloop.testsupport.TestUsers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Another instance of incident-service changes an incident that this one holds in its cache: this one's commands
 * neither fail with a 500 nor decide on the stale state. A refusal that the stored incident would not make, and an
 * append that collides with the other instance's, drop the cached incident and send the command again.
 */
@ServiceIntegrationTest
class AnotherInstanceIT {

    @Autowired
    WebTestClient web;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager transactions;

    @Test
    void commands_on_an_incident_another_instance_changed_act_on_the_incident_as_stored() {
        UUID id = report(); // events 0 and 1, and this instance caches the incident
        Instant now = Instant.now();
        // meanwhile another instance acknowledges and resolves it
        appendElsewhere(id, 2, new IncidentAcknowledged(id, "wang.fang", now));
        appendElsewhere(id, 3, new IncidentResolved(id, "wang.fang", "config-fix", null, SupportLine.FIRST,
                FixType.PERMANENT, now));

        // the cached incident is NEW and would refuse a reopening; the stored one is RESOLVED and takes it
        responder(web.post().uri("/incidents/" + id + "/reopen")).bodyValue(Map.of("reason", "came back"))
                .exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", "\"4\"")
                .expectBody().jsonPath("$.state").isEqualTo("IN_PROGRESS").jsonPath("$.reopenCount").isEqualTo(1);

        // the other instance adds a note; a note here, from the cached incident, would collide with it in the store
        appendElsewhere(id, 5, new WorkNoteAdded(id, "wang.fang", "seen from the other instance", Instant.now()));
        responder(web.post().uri("/incidents/" + id + "/notes")).bodyValue(Map.of("text", "and from this one"))
                .exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", "\"6\"")
                .expectBody().jsonPath("$.workNotes[*].text")
                .value(texts -> assertThat(texts.toString()).contains("seen from the other instance",
                        "and from this one"));

        List<Map<String, Object>> history = web.get().uri("/incidents/" + id + "/history")
                .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody();
        assertThat(history).extracting(entry -> ((Number) entry.get("sequence")).longValue())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
    }

    /** Stores an event of the incident as another instance of the service would, through the same event store. */
    private void appendElsewhere(UUID id, long sequence, IncidentEvent event) {
        var unit = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("another instance"));
        unit.attachTransaction(transactions);
        eventStore.publish(new GenericDomainEventMessage<>("Incident", id.toString(), sequence, event));
        unit.commit();
    }

    private UUID report() {
        Map<String, Object> reported = web.post().uri("/incidents")
                .headers(h -> h.setBasicAuth(TestUsers.REPORTER, TestUsers.password(TestUsers.REPORTER)))
                .bodyValue(Map.of("title", "Mail down", "category", "it-service", "impact", 2, "urgency", 2))
                .exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult()
                .getResponseBody();
        return UUID.fromString((String) reported.get("incidentId"));
    }

    private WebTestClient.RequestBodySpec responder(WebTestClient.RequestBodySpec spec) {
        return spec.headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)));
    }
}
