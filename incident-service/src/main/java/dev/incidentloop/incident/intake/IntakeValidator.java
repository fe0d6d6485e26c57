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
import dev.incidentloop.kit.web.FieldError;
import dev.incidentloop.kit.web.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    IntakeValidator() {
        try (InputStream in = IntakeReport.class.getResourceAsStream(SCHEMA)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    IntakeReport parse(byte[] value) {
        return parse(value, null);
    }

    /**
     * @param schemaErrors where to put each schema violation as a field error, or null to reject at the first
     *                     problem with them all in one reason
     */
    private IntakeReport parse(byte[] value, List<FieldError> schemaErrors) {
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
        if (!violations.isEmpty() && schemaErrors != null) {
            violations.stream()
                    .map(v -> new FieldError(field(v), v.getMessage().replaceFirst("^\\$[^:]*: ", "")))
                    .sorted(Comparator.comparing(FieldError::field))
                    .forEach(schemaErrors::add);
            throw new InvalidRequestException(schemaErrors);
        }
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
                        report.classification());
            } catch (InvalidRequestException e) {
                throw new RejectedRecordException("invalid classification: " + e.getMessage());
            }
        }
        return report;
    }

    /** The field a violation is about: where it was found, and for a missing property, that property. */
    private static String field(ValidationMessage violation) {
        String at = violation.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
        if ("required".equals(violation.getType()) && violation.getProperty() != null) {
            return at.isEmpty() ? violation.getProperty() : at + "." + violation.getProperty();
        }
        return at.isEmpty() ? "(body)" : at;
    }

    /** Like {@link #parse}, for the HTTP endpoint: a violation answers 400 naming the fields. */
    IntakeReport parseRequest(byte[] value) {
        try {
            return parse(value, new ArrayList<>());
        } catch (RejectedRecordException e) {
            throw new InvalidRequestException("(body)", e.getMessage());
        }
    }
}
