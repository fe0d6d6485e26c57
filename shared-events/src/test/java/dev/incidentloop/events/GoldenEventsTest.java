package dev.incidentloop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pins the JSON that crosses service boundaries: one golden file per event type and version. */
class GoldenEventsTest {

    private static final UUID INCIDENT = UUID.fromString("0b6e8c1a-2d3f-4a5b-9c8d-7e6f5a4b3c2d");

    private final EventCodec codec = new EventCodec();
    private final ObjectMapper mapper = EventCodec.defaultMapper();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_event_type_round_trips_its_golden_file_exactly(EventType type) throws IOException {
        byte[] golden = golden(type);

        EventEnvelope decoded = codec.decode(golden);

        assertThat(decoded.type()).isEqualTo(type);
        assertThat(mapper.readTree(codec.encode(decoded))).isEqualTo(mapper.readTree(golden));
    }

    @Test
    void golden_reported_event_decodes_to_the_expected_values_with_the_alert_behind_it() {
        EventEnvelope envelope = codec.decode(golden(EventType.INCIDENT_REPORTED));

        assertThat(envelope.id()).isEqualTo(UUID.fromString("6f1c2a4e-9a7b-4c1e-8f0a-1b2c3d4e5f60"));
        assertThat(envelope.source()).isEqualTo("/incident-service");
        assertThat(envelope.sequence()).isZero();
        assertThat(envelope.data()).isEqualTo(new IncidentReported(INCIDENT, "Disk full on db-7", "98% used",
                Category.IT_SERVICE, "prometheus", "intake:prometheus", Instant.parse("2026-03-02T08:15:30Z"),
                new ReportedAlert("critical", Map.of(
                        "labels", Map.of("alertname", "DiskFull", "instance", "db-7:9100", "severity", "critical"),
                        "annotations", Map.of("summary", "Disk full on db-7", "description", "98% used")),
                        List.of(new IntakeReport.Link("http://prometheus.example/graph?g0.expr=disk",
                                "generatorURL")))));
    }

    @Test
    void a_reported_event_of_version_1_is_read_as_version_2_with_no_alert_behind_it() {
        EventEnvelope envelope = codec.decode(golden("dev.incidentloop.incident.reported.v1"));

        assertThat(envelope.data()).isEqualTo(new IncidentReported(INCIDENT, "Mail server unreachable",
                "Outlook cannot connect since 08:00", Category.IT_SERVICE, "li.wei", "http",
                Instant.parse("2026-03-02T08:15:30Z")));
        assertThat(codec.toTree(envelope).get("type").asText()).isEqualTo("dev.incidentloop.incident.reported.v2");
    }

    @Test
    void golden_escalated_event_carries_its_target_as_an_iso_duration_and_names_its_recipients() {
        EventEnvelope envelope = codec.decode(golden(EventType.INCIDENT_ESCALATED));

        assertThat(envelope.data()).isEqualTo(new IncidentEscalated(INCIDENT, 1, EscalationKind.FUNCTIONAL,
                "response-sla", Priority.P2, Duration.ofMinutes(30), List.of("wang.fang", "zhao.lei"), 0,
                SupportLine.SECOND, "second-line", Instant.parse("2026-03-02T08:45:32Z")));
    }

    @Test
    void a_classified_ehs_event_of_version_1_is_read_as_version_2_not_saying_when_it_happened() throws IOException {
        for (String wireType : List.of("dev.incidentloop.incident.classified.v1",
                "dev.incidentloop.incident.reclassified.v1")) {
            ObjectNode tree = (ObjectNode) mapper.readTree(golden(wireType));
            ObjectNode ehs = ((ObjectNode) tree.get("data")).putObject("classification");
            ehs.put("kind", "ehs-recordable").put("lossCny", 12_000).put("actual", false).put("level", 2);

            EventEnvelope envelope = codec.decode(mapper.writeValueAsBytes(tree));

            Classification read = envelope.data() instanceof IncidentClassified c ? c.classification()
                    : ((IncidentReclassified) envelope.data()).classification();
            assertThat(read).as(wireType).isEqualTo(new Classification.EhsRecordable(12_000, false, 2, null));
            assertThat(codec.toTree(envelope).get("type").asText()).endsWith(".v2");
        }
    }

    @Test
    void golden_reclassified_event_says_when_the_ehs_event_happened() {
        EventEnvelope envelope = codec.decode(golden(EventType.INCIDENT_RECLASSIFIED));

        assertThat(((IncidentReclassified) envelope.data()).classification()).isEqualTo(
                new Classification.EhsRecordable(45_000, true, 3, Instant.parse("2026-03-01T22:40:00Z")));
    }

    @Test
    void an_escalated_event_of_version_2_is_read_as_paging_no_line_of_support() {
        EventEnvelope envelope = codec.decode(golden("dev.incidentloop.escalation.escalated.v2"));

        assertThat(envelope.data()).isEqualTo(new IncidentEscalated(INCIDENT, 1, EscalationKind.FUNCTIONAL,
                "response-sla", Priority.P2, Duration.ofMinutes(30), List.of("wang.fang", "zhao.lei"), 0, null, null,
                Instant.parse("2026-03-02T08:45:32Z")));
        assertThat(codec.toTree(envelope).get("type").asText()).isEqualTo("dev.incidentloop.escalation.escalated.v3");
    }

    @Test
    void a_confirmation_or_rejection_of_version_1_is_read_as_the_reporters_own() {
        EventEnvelope confirmed = codec.decode(golden("dev.incidentloop.incident.resolution-confirmed.v1"));
        EventEnvelope rejected = codec.decode(golden("dev.incidentloop.incident.resolution-rejected.v1"));

        assertThat(confirmed.data()).isInstanceOfSatisfying(ResolutionConfirmed.class, e -> {
            assertThat(e.by()).isEqualTo("li.wei");
            assertThat(e.onBehalfOf()).isNull();
        });
        assertThat(rejected.data()).isInstanceOfSatisfying(ResolutionRejected.class, e -> {
            assertThat(e.by()).isEqualTo("li.wei");
            assertThat(e.onBehalfOf()).isNull();
        });
    }

    @Test
    void an_escalated_event_of_version_1_is_read_as_a_functional_escalation_naming_nobody() {
        EventEnvelope envelope = codec.decode(golden("dev.incidentloop.escalation.escalated.v1"));

        assertThat(envelope.data()).isEqualTo(new IncidentEscalated(INCIDENT, 1, EscalationKind.FUNCTIONAL,
                "response-sla", Priority.P2, Duration.ofMinutes(30), List.of(), 0, null, null,
                Instant.parse("2026-03-02T08:45:30Z")));
    }

    @Test
    void a_resolved_event_of_version_1_is_read_as_version_2_with_notes_renamed_and_the_new_fields_unknown() {
        EventEnvelope envelope = codec.decode(golden("dev.incidentloop.incident.resolved.v1"));

        assertThat(envelope.data()).isEqualTo(new IncidentResolved(INCIDENT, "zhang.min", "config-fix",
                "Restarted the SMTP relay after a certificate renewal", null, null,
                Instant.parse("2026-03-02T09:40:00Z")));
        assertThat(codec.toTree(envelope).get("type").asText()).isEqualTo("dev.incidentloop.incident.resolved.v2");
    }

    @Test
    void every_golden_file_names_a_type_and_version_that_readers_accept() throws IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/test/resources/golden"))) {
            List<String> names = files.map(f -> f.getFileName().toString().replace(".json", "")).toList();
            assertThat(names).hasSizeGreaterThan(EventType.values().length);
            for (String wireType : names) {
                assertThat(EventType.resolve(wireType)).as(wireType).isPresent();
                assertThat(codec.decode(golden(wireType)).type().typeName()).isEqualTo(
                        wireType.substring(0, wireType.lastIndexOf(".v")));
            }
        }
    }

    @Test
    void a_version_newer_than_the_reader_knows_is_rejected() throws IOException {
        ObjectNode tree = (ObjectNode) mapper.readTree(golden(EventType.INCIDENT_CLOSED));
        tree.put("type", "dev.incidentloop.incident.closed.v9");

        assertThatThrownBy(() -> codec.decode(mapper.writeValueAsBytes(tree)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("unknown event type 'dev.incidentloop.incident.closed.v9'");
    }

    @Test
    void a_classification_is_written_with_the_kind_of_its_category() {
        EventEnvelope envelope = codec.decode(golden("dev.incidentloop.incident.reclassified.v1"));

        assertThat(envelope.data()).isInstanceOfSatisfying(IncidentReclassified.class, e -> {
            assertThat(e.classification()).isEqualTo(new Classification.HseAccident(HseType.FIRE_EXPLOSION, 0, 3,
                    600_000L, HseGrade.ORDINARY));
            assertThat(e.classification().category()).isEqualTo(e.category());
        });
    }

    @Test
    void unknown_attributes_and_data_fields_are_ignored_on_read() throws IOException {
        ObjectNode tree = (ObjectNode) mapper.readTree(golden(EventType.INCIDENT_ACKNOWLEDGED));
        tree.put("traceparent", "00-abc-def-01");
        ((ObjectNode) tree.get("data")).put("addedInALaterMinorVersion", true);

        EventEnvelope envelope = codec.decode(mapper.writeValueAsBytes(tree));

        assertThat(envelope.data()).isEqualTo(new IncidentAcknowledged(INCIDENT, "zhang.min",
                Instant.parse("2026-03-02T08:21:00Z")));
    }

    @Test
    void an_unknown_type_is_rejected_with_its_name() throws IOException {
        ObjectNode tree = (ObjectNode) mapper.readTree(golden(EventType.INCIDENT_CLOSED));
        tree.put("type", "dev.incidentloop.incident.teleported.v1");

        assertThatThrownBy(() -> codec.decode(mapper.writeValueAsBytes(tree)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("unknown event type 'dev.incidentloop.incident.teleported.v1'");
    }

    @Test
    void a_subject_that_differs_from_the_incident_id_is_rejected() throws IOException {
        ObjectNode tree = (ObjectNode) mapper.readTree(golden(EventType.INCIDENT_CLOSED));
        tree.put("subject", UUID.randomUUID().toString());

        assertThatThrownBy(() -> codec.decode(mapper.writeValueAsBytes(tree)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("does not match data.incidentId");
    }

    @Test
    void bytes_that_are_not_json_are_rejected() {
        assertThatThrownBy(() -> codec.decode("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("not JSON");
    }

    @Test
    void a_wire_type_names_its_version_and_never_the_java_class() {
        for (EventType type : EventType.values()) {
            assertThat(type.wireType()).endsWith(".v" + type.version())
                    .doesNotContain(type.javaType().getSimpleName());
        }
    }

    @Test
    void the_serde_writes_what_the_codec_reads() {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "/test", Instant.parse("2026-01-01T00:00:00Z"),
                7, new IncidentClosed(INCIDENT, "someone", Instant.parse("2026-01-01T00:00:00Z")));
        EnvelopeSerde serde = new EnvelopeSerde();

        byte[] bytes = serde.serializer().serialize(Topics.INCIDENT_EVENTS.name(), envelope);

        assertThat(serde.deserializer().deserialize(Topics.INCIDENT_EVENTS.name(), bytes)).isEqualTo(envelope);
    }

    @Test
    void dead_letter_topics_are_per_topic_and_consumer_group() {
        assertThat(Topics.INTAKE.deadLetter("incident-service")).isEqualTo("incident.intake.v1.incident-service.dlt");
    }

    @Test
    void the_intake_schema_describes_exactly_the_fields_of_an_intake_report() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/schemas/intake-report.v1.schema.json")) {
            JsonNode schema = mapper.readTree(in);
            List<String> properties = new ArrayList<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            List<String> components = Arrays.stream(IntakeReport.class.getRecordComponents())
                    .map(RecordComponent::getName).toList();

            assertThat(properties).containsExactlyInAnyOrderElementsOf(components);
            assertThat(schema.get("properties").get("category").get("enum")).filteredOn(n -> !n.isNull())
                    .extracting(JsonNode::asText)
                    .containsExactly(Arrays.stream(Category.values()).map(Category::wireName).toArray(String[]::new));
            assertThat(schema.get("properties").get("action").get("enum")).filteredOn(n -> !n.isNull())
                    .extracting(JsonNode::asText)
                    .containsExactly(Arrays.stream(IntakeReport.Action.values()).map(IntakeReport.Action::wireName)
                            .toArray(String[]::new));
        }
    }

    private static byte[] golden(EventType type) {
        return golden(type.wireType());
    }

    private static byte[] golden(String wireType) {
        String path = "/golden/" + wireType + ".json";
        try (InputStream in = GoldenEventsTest.class.getResourceAsStream(path)) {
            assertThat(in).as("golden file %s", path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void attributes_after_the_data_read_the_same_as_in_the_written_order() throws IOException {
        for (String wireType : List.of(EventType.INCIDENT_ACKNOWLEDGED.wireType(),
                "dev.incidentloop.incident.resolved.v1")) {
            ObjectNode written = (ObjectNode) mapper.readTree(golden(wireType));
            ObjectNode dataFirst = mapper.createObjectNode();
            dataFirst.set("data", written.get("data"));
            written.properties().stream().filter(e -> !e.getKey().equals("data"))
                    .forEach(e -> dataFirst.set(e.getKey(), e.getValue()));

            assertThat(codec.decode(mapper.writeValueAsBytes(dataFirst))).as(wireType)
                    .isEqualTo(codec.decode(golden(wireType)));
        }
    }

    @Test
    void data_that_does_not_fit_its_type_is_rejected_naming_the_type() throws IOException {
        ObjectNode tree = (ObjectNode) mapper.readTree(golden(EventType.INCIDENT_ACKNOWLEDGED));
        ((ObjectNode) tree.get("data")).put("occurredAt", "yesterday");

        assertThatThrownBy(() -> codec.decode(mapper.writeValueAsBytes(tree)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("invalid data for " + EventType.INCIDENT_ACKNOWLEDGED.wireType());
    }
}
