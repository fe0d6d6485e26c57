package dev.incidentloop.escalation.chain;

import static dev.incidentloop.escalation.EscalationStreams.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.incidentloop.escalation.EscalationStreams;
import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.EscalationKind;
import dev.incidentloop.events.HseGrade;
import dev.incidentloop.events.HseType;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SlaBreached;
import dev.incidentloop.events.SlaClock;
import dev.incidentloop.events.SlaClockStopped;
import dev.incidentloop.events.SupportLine;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import dev.incidentloop.testsupport.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * DOMAIN.md section 2, rule "Escalation": chains with repeats, functional and hierarchical, and manual escalation,
 * for HSE near misses under a policy the test puts in place over the admin API. The response target is 1 second (60 for
 * P5, which the manual test uses so that nothing escalates by itself).
 */
@ServiceIntegrationTest
class ChainIT {

    @Autowired
    WebTestClient web;

    @BeforeEach
    void policy() {
        put("/admin/schedules/chain-second-line", """
                {"zone": "UTC", "layers": [{"name": "all", "start": "2026-01-01T00:00", "rotation": "weekly",
                 "participants": ["second.line"]}]}""");
        put("/admin/schedules/chain-duty-manager", """
                {"zone": "UTC", "layers": [{"name": "all", "start": "2026-01-01T00:00", "rotation": "daily",
                 "participants": ["duty.wu"]}]}""");
        put("/admin/policies/hse-accident", """
                {"targets": {"P1": {"response": "1 seconds", "resolution": "60 seconds"},
                             "P2": {"response": "1 seconds", "resolution": "60 seconds"},
                             "P3": {"response": "1 seconds", "resolution": "60 seconds"},
                             "P4": {"response": "1 seconds", "resolution": "60 seconds"},
                             "P5": {"response": "60 seconds", "resolution": "120 seconds"}},
                 "functional": [{"after": "0 seconds", "recipients": [{"user": "first.responder"}], "repeat": 2,
                                 "every": "1 seconds"},
                                {"after": "4 seconds", "recipients": [{"assignedTeam": true}], "line": "second"}],
                 "lineGroups": {"second": "chain-second-line"},
                 "hierarchical": [{"after": "0 seconds", "recipients": [{"role": "chain-duty-manager"}]},
                                  {"after": "2 seconds", "recipients": [{"user": "director.zhao"}]}],
                 "majorPriorities": ["P1"]}""");
    }

    @Test
    void a_missed_response_runs_the_functional_chain_with_its_repeats_then_the_next_level() {
        UUID incident = nearMiss(Priority.P2);

        try (var stream = new EscalationStreams()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.of(incident, IncidentEscalated.class).size() == 4);
            assertThat(stream.of(incident, IncidentEscalated.class))
                    .extracting(IncidentEscalated::kind, IncidentEscalated::level, IncidentEscalated::repeat,
                            IncidentEscalated::recipients, IncidentEscalated::reason, IncidentEscalated::assignmentGroup)
                    .containsExactly(
                            tuple(EscalationKind.FUNCTIONAL, 1, 0, List.of("first.responder"), "response-sla", null),
                            tuple(EscalationKind.FUNCTIONAL, 1, 1, List.of("first.responder"), "response-sla", null),
                            tuple(EscalationKind.FUNCTIONAL, 1, 2, List.of("first.responder"), "response-sla", null),
                            // rule "Lines of support": the level that pages the second line's on-call moves the
                            // incident to that line's group, and only that level
                            tuple(EscalationKind.FUNCTIONAL, 2, 0, List.of("second.line"), "response-sla",
                                    "chain-second-line"));
            assertThat(stream.of(incident, IncidentEscalated.class).get(3).supportLine()).isEqualTo(SupportLine.SECOND);
            var times = stream.of(incident, IncidentEscalated.class).stream().map(IncidentEscalated::occurredAt)
                    .toList();
            Instant chainStart = stream.of(incident, SlaBreached.class).get(0).occurredAt();
            assertThat(Duration.between(times.get(0), times.get(1))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(Duration.between(chainStart, times.get(3))).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                    stream.of(incident, IncidentEscalated.class).size() == 4);
        }
    }

    @Test
    void acknowledging_stops_the_chain_a_missed_response_started() {
        UUID incident = nearMiss(Priority.P2);

        try (var stream = new EscalationStreams()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !stream.of(incident, IncidentEscalated.class).isEmpty());
            publish(new IncidentAcknowledged(incident, "first.responder", Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.of(incident, SlaClockStopped.class).size() == 1);
            assertThat(stream.of(incident, SlaClockStopped.class).get(0).clock()).isEqualTo(SlaClock.RESPONSE);
            assertThat(stream.of(incident, SlaClockStopped.class).get(0).met()).isFalse();
            int escalations = stream.of(incident, IncidentEscalated.class).size();
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                    stream.of(incident, IncidentEscalated.class).size() == escalations);
            assertThat(escalations).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void a_major_incident_also_runs_the_hierarchical_chain_until_it_is_resolved() {
        UUID incident = nearMiss(Priority.P1);

        try (var stream = new EscalationStreams()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.of(incident, IncidentEscalated.class).stream()
                    .filter(e -> e.kind() == EscalationKind.HIERARCHICAL).count() == 2);
            assertThat(stream.of(incident, IncidentEscalated.class)).filteredOn(e ->
                            e.kind() == EscalationKind.HIERARCHICAL)
                    .extracting(IncidentEscalated::level, IncidentEscalated::recipients)
                    .containsExactly(tuple(1, List.of("duty.wu")), tuple(2, List.of("director.zhao")));
            publish(new IncidentResolved(incident, "duty.wu", "restored", null, null, null, Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.of(incident, SlaClockStopped.class).size() == 2);
            int escalations = stream.of(incident, IncidentEscalated.class).size();
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                    stream.of(incident, IncidentEscalated.class).size() == escalations);
        }
    }

    @Test
    void a_responder_escalates_by_hand_one_level_at_a_time() {
        UUID incident = nearMiss(Priority.P5);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get().uri("/clocks/" + incident)
                .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                .exchange().expectStatus().isOk());

        escalate(incident, "hierarchical").expectStatus().isOk().expectBody().jsonPath("$.level").isEqualTo(1);
        escalate(incident, "hierarchical").expectStatus().isOk().expectBody().jsonPath("$.level").isEqualTo(2);
        escalate(incident, "hierarchical").expectStatus().isEqualTo(409);
        try (var stream = new EscalationStreams()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.of(incident, IncidentEscalated.class).size() == 2);
            assertThat(stream.of(incident, IncidentEscalated.class))
                    .extracting(IncidentEscalated::level, IncidentEscalated::reason, IncidentEscalated::recipients)
                    .containsExactly(tuple(1, "manual", List.of("duty.wu")),
                            tuple(2, "manual", List.of("director.zhao")));
        }
        web.post().uri("/escalations/" + UUID.randomUUID())
                .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                .bodyValue(Map.of("kind", "functional")).exchange().expectStatus().isNotFound();
        web.post().uri("/escalations/" + incident)
                .headers(h -> h.setBasicAuth(TestUsers.REPORTER, TestUsers.password(TestUsers.REPORTER)))
                .bodyValue(Map.of("kind", "functional")).exchange().expectStatus().isForbidden();
        escalate(incident, "sideways").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("kind");
    }

    /** A near miss: an HSE accident that its grade does not make major, so that only its priority can. */
    private UUID nearMiss(Priority priority) {
        UUID incident = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(new IncidentReported(incident, "Forklift nearly hit a picker", null, Category.HSE_ACCIDENT, "li.wei",
                        "http", now),
                new IncidentClassified(incident, Category.HSE_ACCIDENT,
                        new Classification.HseAccident(HseType.NEAR_MISS, 0, 0, 0, HseGrade.MINOR), priority, "li.wei",
                        now));
        return incident;
    }

    private WebTestClient.ResponseSpec escalate(UUID incident, String kind) {
        return web.post().uri("/escalations/" + incident)
                .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                .bodyValue(Map.of("kind", kind)).exchange();
    }

    private void put(String uri, String json) {
        web.put().uri(uri).headers(h -> h.setBasicAuth(TestUsers.ADMIN, TestUsers.password(TestUsers.ADMIN)))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(json).exchange()
                .expectStatus().is2xxSuccessful();
    }
}
