package dev.incidentloop.incident.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentloop.testsupport.ServiceIntegrationTest;
import dev.incidentloop.testsupport.TestUsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** Optimistic concurrency with ETag / If-Match, parallel updates, history and the state as of a past instant. */
@ServiceIntegrationTest
class VersionsAndHistoryIT {

    @Autowired
    WebTestClient web;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void get_returns_the_version_as_etag_and_a_change_on_a_stale_version_gets_412() {
        IncidentView incident = report();
        UUID id = incident.incidentId();
        web.get().uri("/incidents/" + id).headers(this::reporter).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"");

        responder(web.post().uri("/incidents/" + id + "/notes").header("If-Match", "\"1\""))
                .bodyValue(Map.of("text", "first look: TLS errors")).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"");
        responder(web.post().uri("/incidents/" + id + "/acknowledge").header("If-Match", "\"1\"")).exchange()
                .expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.currentVersion").isEqualTo(2);
        responder(web.post().uri("/incidents/" + id + "/acknowledge").header("If-Match", "\"2\"")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("IN_PROGRESS");
    }

    @Test
    void an_if_match_that_is_not_an_etag_is_rejected_naming_the_header() {
        UUID id = report().incidentId();

        responder(web.post().uri("/incidents/" + id + "/acknowledge").header("If-Match", "yesterday")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("If-Match");
    }

    @Test
    void parallel_notes_on_one_incident_are_all_kept() {
        UUID id = report().incidentId();
        int parallel = 20;
        WebClient client = WebClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                .build();

        List<Integer> statuses = Flux.range(0, parallel)
                .flatMap(i -> client.post().uri("/incidents/" + id + "/notes")
                        .bodyValue(Map.of("text", "note " + i))
                        .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())), parallel)
                .collectList().block(Duration.ofSeconds(60));

        assertThat(statuses).hasSize(parallel).containsOnly(200);
        IncidentView after = web.get().uri("/incidents/" + id).headers(this::reporter).exchange()
                .expectBody(IncidentView.class).returnResult().getResponseBody();
        assertThat(after.version()).isEqualTo(1 + parallel);
        assertThat(after.workNotes()).extracting(IncidentView.WorkNote::text)
                .containsExactlyInAnyOrderElementsOf(Flux.range(0, parallel).map(i -> "note " + i)
                        .collectList().block());
    }

    @Test
    void history_tells_what_happened_who_did_it_and_when_and_the_past_state_can_be_read() {
        IncidentView reported = report();
        UUID id = reported.incidentId();
        IncidentView acknowledged = responder(web.post().uri("/incidents/" + id + "/acknowledge")).exchange()
                .expectBody(IncidentView.class).returnResult().getResponseBody();
        responder(web.post().uri("/incidents/" + id + "/resolve"))
                .bodyValue(Map.of("resolutionCode", "config-fix")).exchange().expectStatus().isOk();

        List<Map<String, Object>> history = web.get().uri("/incidents/" + id + "/history").headers(this::reporter)
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
        assertThat(history).extracting(e -> e.get("type")).containsExactly(
                "dev.incidentloop.incident.reported.v2", "dev.incidentloop.incident.classified.v2",
                "dev.incidentloop.incident.acknowledged.v1", "dev.incidentloop.incident.resolved.v2");
        assertThat(history).extracting(e -> e.get("actor")).containsExactly(
                TestUsers.REPORTER, TestUsers.REPORTER, TestUsers.RESPONDER, TestUsers.RESPONDER);
        assertThat(history).extracting(e -> e.get("at")).doesNotContainNull();

        web.get().uri("/incidents/" + id + "?asOf=" + acknowledged.acknowledgedAt()).headers(this::reporter)
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.state").isEqualTo("IN_PROGRESS").jsonPath("$.resolvedAt").isEmpty();
        web.get().uri("/incidents/" + id + "?asOf=" + reported.reportedAt().minusSeconds(1)).headers(this::reporter)
                .exchange().expectStatus().isNotFound();
        web.get().uri("/incidents/" + UUID.randomUUID() + "/history").headers(this::reporter).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void an_incident_with_a_snapshot_is_shown_and_told_from_its_first_event() {
        UUID id = report().incidentId();
        // more events than an incident takes before it is snapshotted (50), and than one query reads (100)
        int notes = 130;
        for (int i = 0; i < notes; i++) {
            responder(web.post().uri("/incidents/" + id + "/notes")).bodyValue(Map.of("text", "note " + i))
                    .exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", "\"" + (i + 2) + "\"");
        }
        assertThat(jdbc.queryForObject("select count(*) from snapshotevententry where aggregateidentifier = ?",
                Integer.class, id.toString())).as("a snapshot was taken").isPositive();

        IncidentView view = web.get().uri("/incidents/" + id).headers(this::reporter).exchange()
                .expectStatus().isOk().expectBody(IncidentView.class).returnResult().getResponseBody();
        assertThat(view.title()).isEqualTo("Mail down");
        assertThat(view.version()).isEqualTo(1 + notes);
        assertThat(view.workNotes()).hasSize(notes);
        List<Map<String, Object>> history = web.get().uri("/incidents/" + id + "/history").headers(this::reporter)
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
        assertThat(history).hasSize(2 + notes);
        assertThat(history.getFirst().get("type")).isEqualTo("dev.incidentloop.incident.reported.v2");
    }

    private IncidentView report() {
        return web.post().uri("/incidents").headers(this::reporter)
                .bodyValue(Map.of("title", "Mail down", "category", "it-service", "impact", 2, "urgency", 2))
                .exchange().expectStatus().isCreated()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody(IncidentView.class).returnResult().getResponseBody();
    }

    private void reporter(org.springframework.http.HttpHeaders headers) {
        headers.setBasicAuth(TestUsers.REPORTER, TestUsers.password(TestUsers.REPORTER));
    }

    private WebTestClient.RequestBodySpec responder(WebTestClient.RequestBodySpec spec) {
        return spec.headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)));
    }
}
