package dev.incidentloop.incident.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.IntakeReport;
import dev.incidentloop.incident.classification.ClassificationInput;
import dev.incidentloop.kit.kafka.RejectedRecordException;
import dev.incidentloop.kit.web.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Checks intake records against the published JSON Schema from shared-events, so that what other systems are
 * told and what this service accepts cannot drift apart.
 */
@Component
class IntakeValidator {

    private static final String SCHEMA = "/schemas/intake-report.v1.schema.json";

    private final ObjectMapper mapper = EventCodec.defaultMapper();
    private final JsonSchema schema;
    private final Clock clock;

    IntakeValidator(Clock clock) {
        this.clock = clock;
        try (InputStream in = IntakeReport.class.getResourceAsStream(SCHEMA)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    IntakeReport parse(byte[] value) {
        if (value == null) {
            throw new RejectedRecordException("record has no value");
        }
        JsonNode json;
        try {
            json = mapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new RejectedRecordException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RejectedRecordException("unreadable: " + e.getMessage());
        }
        if (json == null || json.isMissingNode()) {
            throw new RejectedRecordException("empty record");
        }
        Set<ValidationMessage> violations = schema.validate(json);
        if (!violations.isEmpty()) {
            throw new RejectedRecordException("does not match " + SCHEMA + ": " + violations.stream()
                    .map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; ")));
        }
        IntakeReport report;
        try {
            report = mapper.treeToValue(json, IntakeReport.class);
        } catch (JsonProcessingException e) {
            throw new RejectedRecordException("cannot read as IntakeReport: " + e.getOriginalMessage());
        }
        if (report.effectiveAction() == IntakeReport.Action.TRIGGER) {
            try {
                ClassificationInput.resolve(report.category(), report.impact(), report.urgency(),
                        report.classification(), clock.instant());
            } catch (InvalidRequestException e) {
                throw new RejectedRecordException("invalid classification: " + e.getMessage());
            }
        }
        return report;
    }
}
