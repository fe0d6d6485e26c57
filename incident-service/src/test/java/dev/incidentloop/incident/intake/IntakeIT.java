package dev.incidentloop.incident.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IntakeReport;
import dev.incidentloop.events.Topics;
import dev.incidentloop.kit.kafka.KafkaWiring;
import dev.incidentloop.testsupport.KafkaProbe;
import dev.incidentloop.testsupport.RealInfrastructure;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import dev.incidentloop.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Other systems report on the intake topic; these go through the service's real Kafka listener. */
@ServiceIntegrationTest
class IntakeIT {

    private static final String DLT = Topics.INTAKE.deadLetter("incident-service");

    @Autowired
    WebTestClient web;

    private final EventCodec codec = new EventCodec();

    @Test
    void a_poison_record_is_dead_lettered_with_its_reason_and_the_next_valid_record_is_still_processed() {
        String bootstrap = RealInfrastructure.kafkaBootstrapServers();
        String poisonKey = "poison-" + UUID.randomUUID();
        var valid = report("zabbix", "ZBX-" + UUID.randomUUID());

        KafkaProbe.send(bootstrap, Topics.INTAKE.name(), poisonKey, "{\"title\": 42".getBytes(StandardCharsets.UTF_8));
        KafkaProbe.send(bootstrap, Topics.INTAKE.name(), valid.reportId(), json(valid));

        try (var deadLetters = new KafkaProbe(bootstrap, DLT)) {
            ConsumerRecord<String, byte[]> parked = deadLetters.awaitRecord(r -> poisonKey.equals(r.key()),
                    Duration.ofSeconds(30));
            assertThat(new String(parked.headers().lastHeader(KafkaWiring.REASON_HEADER).value(),
                    StandardCharsets.UTF_8)).startsWith("RejectedRecordException: not JSON");
            assertThat(new String(parked.value(), StandardCharsets.UTF_8)).isEqualTo("{\"title\": 42");
        }
        UUID incidentId = IntakeListener.incidentId(valid);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(incidentId).expectStatus().isOk()
                .expectBody().jsonPath("$.channel").isEqualTo("intake:zabbix")
                .jsonPath("$.priority").isEqualTo("P3"));
    }

    @Test
    void a_record_that_breaks_the_schema_is_dead_lettered_naming_the_field() {
        String bootstrap = RealInfrastructure.kafkaBootstrapServers();
        String key = "bad-impact-" + UUID.randomUUID();
        String body = """
                {"reportId":"%s","source":"siem","title":"Port scan","category":"information-security",
                 "impact":7,"urgency":1,"reportedBy":"siem"}""".formatted(key);

        KafkaProbe.send(bootstrap, Topics.INTAKE.name(), key, body.getBytes(StandardCharsets.UTF_8));

        try (var deadLetters = new KafkaProbe(bootstrap, DLT)) {
            var parked = deadLetters.awaitRecord(r -> key.equals(r.key()), Duration.ofSeconds(30));
            assertThat(new String(parked.headers().lastHeader(KafkaWiring.REASON_HEADER).value(),
                    StandardCharsets.UTF_8)).contains("$.impact");
        }
    }

    @Test
    void a_report_published_twice_becomes_one_incident() {
        String bootstrap = RealInfrastructure.kafkaBootstrapServers();
        var report = report("zabbix", "ZBX-" + UUID.randomUUID());
        UUID incidentId = IntakeListener.incidentId(report);
        var marker = report("zabbix", "ZBX-marker-" + UUID.randomUUID());

        KafkaProbe.send(bootstrap, Topics.INTAKE.name(), report.reportId(), json(report));
        KafkaProbe.send(bootstrap, Topics.INTAKE.name(), report.reportId(), json(report));
        // Same key, same partition: once the marker after them is processed, both copies have been.
        KafkaProbe.send(bootstrap, Topics.INTAKE.name(), report.reportId(), json(marker));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get(IntakeListener.incidentId(marker)).expectStatus().isOk());
        get(incidentId).expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
        try (var events = new KafkaProbe(bootstrap, Topics.INCIDENT_EVENTS.name())) {
            events.awaitRecord(r -> r.key().equals(incidentId.toString()), Duration.ofSeconds(30));
            assertThat(events.seen(r -> r.key().equals(incidentId.toString())
                    && codec.decode(r.value()).data() instanceof IncidentReported)).hasSize(1);
        }
    }

    private static IntakeReport report(String source, String reportId) {
        return new IntakeReport(reportId, source, "Disk full on db-7", "98% used", Category.IT_SERVICE, 2, 2,
                "zabbix-bot");
    }

    private static byte[] json(IntakeReport report) {
        try {
            return EventCodec.defaultMapper().writeValueAsBytes(report);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private WebTestClient.ResponseSpec get(UUID id) {
        return web.get().uri("/incidents/" + id)
                .headers(h -> h.setBasicAuth(TestUsers.REPORTER, TestUsers.password(TestUsers.REPORTER)))
                .exchange();
    }
}
