package dev.incidentloop.incident.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.Topics;
import dev.incidentloop.testsupport.KafkaProbe;
import dev.incidentloop.testsupport.RealInfrastructure;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import dev.incidentloop.testsupport.TestUsers;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@ServiceIntegrationTest
class IncidentHttpIT {

    private static final Map<String, Object> MAIL_DOWN = Map.of(
            "title", "Mail server unreachable", "description", "since 08:00",
            "category", "it-service", "impact", 1, "urgency", 2);

    @Autowired
    WebTestClient web;

    private final EventCodec codec = new EventCodec();

    @Test
    void a_reported_incident_goes_through_its_lifecycle_and_each_stored_event_reaches_kafka() {
        IncidentView reported = report(TestUsers.REPORTER);
        assertThat(reported.state().name()).isEqualTo("NEW");
        assertThat(reported.priority()).isEqualTo(Priority.P2);
        assertThat(reported.reportedBy()).isEqualTo(TestUsers.REPORTER);

        UUID id = reported.incidentId();
        post(TestUsers.RESPONDER, "/incidents/" + id + "/acknowledge", null).expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("IN_PROGRESS")
                .jsonPath("$.acknowledgedBy").isEqualTo(TestUsers.RESPONDER);
        post(TestUsers.RESPONDER, "/incidents/" + id + "/resolve", Map.of("resolutionCode", "config-fix"))
                .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("RESOLVED");
        post(TestUsers.RESPONDER, "/incidents/" + id + "/close", null).expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("CLOSED").jsonPath("$.version").isEqualTo(4);

        try (var probe = new KafkaProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.INCIDENT_EVENTS.name())) {
            var record = probe.awaitRecord(r -> r.key().equals(id.toString())
                    && codec.decode(r.value()).data() instanceof IncidentAcknowledged, Duration.ofSeconds(30));
            EventEnvelope ack = codec.decode(record.value());
            assertThat(ack.sequence()).isEqualTo(2);
            assertThat(ack.source()).isEqualTo("/incident-service");

            var ofThisIncident = probe.seen(r -> r.key().equals(id.toString()));
            assertThat(ofThisIncident).extracting(r -> codec.decode(r.value()).data().getClass().getSimpleName())
                    .startsWith("IncidentReported", "IncidentClassified", "IncidentAcknowledged");
        }
    }

    @Test
    void the_relay_keys_every_record_by_incident_id_and_keeps_the_stream_order() {
        UUID id = report(TestUsers.REPORTER).incidentId();

        try (var probe = new KafkaProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.INCIDENT_EVENTS.name())) {
            probe.awaitRecord(r -> r.key().equals(id.toString())
                    && codec.decode(r.value()).data() instanceof IncidentClassified, Duration.ofSeconds(30));
            var records = probe.seen(r -> r.key().equals(id.toString()));
            assertThat(records).extracting(r -> codec.decode(r.value()).sequence()).containsExactly(0L, 1L);
            assertThat(codec.decode(records.get(0).value()).data()).isInstanceOf(IncidentReported.class);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_command_the_state_does_not_allow_gets_409_naming_the_state_and_the_allowed_commands() {
        UUID id = report(TestUsers.REPORTER).incidentId();

        post(TestUsers.RESPONDER, "/incidents/" + id + "/close", null)
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.state").isEqualTo("NEW")
                .jsonPath("$.allowedCommands").value(allowed -> assertThat((java.util.List<Object>) allowed)
                        .contains("acknowledge", "resolve", "cancel").doesNotContain("close"));
    }

    @Test
    void an_invalid_report_gets_400_naming_each_field_at_fault() {
        post(TestUsers.REPORTER, "/incidents", Map.of("title", "", "category", "it-service", "impact", 5))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("impact")
                .jsonPath("$.errors[0].message").isEqualTo("must be 1 to 3")
                .jsonPath("$.errors[1].field").isEqualTo("title")
                .jsonPath("$.errors[2].field").isEqualTo("urgency")
                .jsonPath("$.errors[2].message").isEqualTo("is required for category it-service");
    }

    @Test
    void an_unknown_category_gets_400_listing_the_allowed_values() {
        post(TestUsers.REPORTER, "/incidents", Map.of("title", "x", "category", "volcano", "impact", 1, "urgency", 1))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("category")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m)
                        .contains("it-service", "information-security", "hse-accident"));
    }

    @Test
    void an_unknown_incident_is_404() {
        web.get().uri("/incidents/" + UUID.randomUUID()).headers(h -> h.setBasicAuth(TestUsers.REPORTER,
                TestUsers.password(TestUsers.REPORTER))).exchange().expectStatus().isNotFound();
        post(TestUsers.RESPONDER, "/incidents/" + UUID.randomUUID() + "/acknowledge", null)
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void without_credentials_the_api_answers_401_and_health_stays_open() {
        web.post().uri("/incidents").bodyValue(MAIL_DOWN).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Basic realm=\"incident-loop\"");
        web.get().uri("/incidents/" + UUID.randomUUID())
                .headers(h -> h.setBasicAuth(TestUsers.REPORTER, "wrong")).exchange()
                .expectStatus().isUnauthorized();
        web.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void a_role_without_the_right_gets_403() {
        UUID id = report(TestUsers.REPORTER).incidentId();

        post(TestUsers.REPORTER, "/incidents/" + id + "/acknowledge", null)
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        post(TestUsers.ANALYST, "/incidents", MAIL_DOWN).expectStatus().isForbidden();
    }

    @Test
    void a_system_reports_with_its_api_key() {
        web.post().uri("/incidents").header("X-API-Key", TestUsers.MONITORING_API_KEY).bodyValue(MAIL_DOWN)
                .exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.reportedBy").isEqualTo("monitoring");
        web.post().uri("/incidents").header("X-API-Key", "not-a-key").bodyValue(MAIL_DOWN)
                .exchange().expectStatus().isUnauthorized();
    }

    private IncidentView report(String user) {
        return post(user, "/incidents", MAIL_DOWN).expectStatus().isCreated()
                .expectHeader().value("Location", l -> assertThat(l).startsWith("/incidents/"))
                .expectBody(IncidentView.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec post(String user, String path, Object body) {
        var request = web.post().uri(path).headers(h -> h.setBasicAuth(user, TestUsers.password(user)));
        return (body == null ? request : request.bodyValue(body)).exchange();
    }
}
