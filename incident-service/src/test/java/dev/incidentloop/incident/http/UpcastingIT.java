package dev.incidentloop.incident.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.Topics;
import dev.incidentloop.testsupport.KafkaProbe;
import dev.incidentloop.testsupport.RealInfrastructure;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import dev.incidentloop.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An incident whose store holds an IncidentReported of revision 1 (no alert) and an IncidentResolved of revision 1
 * (the field was called {@code notes}) still loads, takes commands, and goes out on Kafka as version 2.
 */
@ServiceIntegrationTest
class UpcastingIT {

    @Autowired
    WebTestClient web;

    @Autowired
    JdbcTemplate jdbc;

    private final EventCodec codec = new EventCodec();

    private void store(UUID id, long sequence, Class<?> type, String revision, String json) {
        jdbc.update("""
                insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                              payload, payloadrevision, payloadtype, timestamp)
                values (?, ?, 'Incident', ?, ?, ?, ?, ?, ?)""",
                id.toString(), sequence, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8), revision, type.getName(),
                Instant.parse("2025-12-01T09:00:00Z").plusSeconds(sequence).toString());
    }

    @Test
    void an_incident_stored_with_a_version_1_event_loads_and_takes_commands() {
        // The whole stream is written as an older release stored it; the service has never loaded this incident.
        UUID id = UUID.randomUUID();
        store(id, 0, IncidentReported.class, "1", """
                {"incidentId":"%s","title":"Old incident","description":null,"category":"it-service",
                 "reportedBy":"li.wei","channel":"http","occurredAt":"2025-12-01T09:00:00Z"}""".formatted(id));
        store(id, 1, IncidentClassified.class, "1", """
                {"incidentId":"%s","category":"it-service","classification":{"kind":"it-service","impact":3,
                 "urgency":3},"priority":"P5","classifiedBy":"li.wei","occurredAt":"2025-12-01T09:00:00Z"}"""
                .formatted(id));
        store(id, 2, IncidentResolved.class, "1", """
                {"incidentId":"%s","resolvedBy":"zhang.min","resolutionCode":"config-fix",
                 "notes":"Restarted the relay","occurredAt":"2025-12-01T09:40:00Z"}""".formatted(id));

        web.get().uri("/incidents/" + id).headers(h -> h.setBasicAuth(TestUsers.REPORTER,
                        TestUsers.password(TestUsers.REPORTER))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("RESOLVED")
                .jsonPath("$.alert").isEmpty()
                .jsonPath("$.resolutionNotes").isEqualTo("Restarted the relay")
                .jsonPath("$.resolvedAtLine").isEmpty();
        web.post().uri("/incidents/" + id + "/close").headers(h -> h.setBasicAuth(TestUsers.RESPONDER,
                        TestUsers.password(TestUsers.RESPONDER))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("CLOSED");

        try (var events = new KafkaProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.INCIDENT_EVENTS.name())) {
            var record = events.awaitRecord(r -> r.key().equals(id.toString())
                    && codec.decode(r.value()).data() instanceof IncidentResolved, Duration.ofSeconds(30));
            assertThat(codec.toTree(codec.decode(record.value())).get("type").asText())
                    .isEqualTo("dev.incidentloop.incident.resolved.v2");
            assertThat(new String(record.value(), StandardCharsets.UTF_8))
                    .contains("\"resolutionNotes\":\"Restarted the relay\"").doesNotContain("\"notes\"");
        }
    }
}
