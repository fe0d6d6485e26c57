package dev.incidentloop.gateway.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.IntakeReport;
import dev.incidentloop.gateway.integration.Integration;
import dev.incidentloop.gateway.integration.Severity;
import dev.incidentloop.gateway.web.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The platform's own format ({@code schemas/intake-report.v1.schema.json}), one report or an array of them. The
 * integration speaks: {@code source}, {@code reportedBy} and {@code team} are its own whatever the body says; a
 * report without a category is of the integration's category, and one without a classification is classified by
 * its {@code severity} (default warning) through the integration's mapping.
 */
public final class NativeReports {

    private static final String SCHEMA = "/schemas/intake-report.v1.schema.json";
    private static final ObjectMapper MAPPER = EventCodec.defaultMapper();
    private static final JsonSchema VALIDATOR;

    static {
        try (InputStream in = IntakeReport.class.getResourceAsStream(SCHEMA)) {
            VALIDATOR = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private NativeReports() {
    }

    /** The reports of a body, or the fields at fault in {@code errors} (then the list is empty). */
    public static List<IntakeReport> translate(JsonNode body, Integration integration, List<FieldError> errors) {
        if (body == null || !(body.isObject() || body.isArray())) {
            errors.add(new FieldError("(body)", "must be an intake report or an array of them"));
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(items::add);
        } else {
            items.add(body);
        }
        List<IntakeReport> reports = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String at = body.isArray() ? "[" + i + "]" : "";
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                errors.add(new FieldError(at.isEmpty() ? "(body)" : at, "must be an intake report object"));
                continue;
            }
            ObjectNode report = speakAs((ObjectNode) item.deepCopy(), integration);
            Set<ValidationMessage> violations = VALIDATOR.validate(report);
            if (!violations.isEmpty()) {
                violations.stream().map(v -> new FieldError(field(at, v), v.getMessage().replaceFirst("^\\$[^:]*: ",
                        ""))).sorted(Comparator.comparing(FieldError::field)).forEach(errors::add);
                continue;
            }
            try {
                reports.add(MAPPER.treeToValue(report, IntakeReport.class));
            } catch (JsonProcessingException e) {
                errors.add(new FieldError(at.isEmpty() ? "(body)" : at, "is not an intake report: "
                        + e.getOriginalMessage()));
            }
        }
        return errors.isEmpty() ? reports : List.of();
    }

    private static ObjectNode speakAs(ObjectNode report, Integration integration) {
        report.put("source", integration.name());
        report.put("reportedBy", integration.name());
        if (integration.team() != null) {
            report.put("team", integration.team());
        } else {
            report.remove("team");
        }
        String action = report.path("action").asText("trigger");
        if (!"trigger".equals(action)) {
            return report;
        }
        JsonNode category = report.get("category");
        if (category == null || category.isNull()) {
            report.put("category", integration.category().wireName());
        }
        boolean ownCategory = integration.category().wireName().equals(report.path("category").asText());
        boolean classified = !report.path("classification").isMissingNode() && !report.path("classification").isNull()
                || report.hasNonNull("impact") || report.hasNonNull("urgency");
        if (ownCategory && !classified) {
            Severity severity = Severity.parse(report.path("severity").asText(null)).orElse(Severity.DEFAULT);
            report.set("classification", MAPPER.valueToTree(integration.classification(severity)));
        }
        return report;
    }

    private static String field(String at, ValidationMessage violation) {
        String where = violation.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
        if ("required".equals(violation.getType()) && violation.getProperty() != null) {
            where = where.isEmpty() ? violation.getProperty() : where + "." + violation.getProperty();
        }
        if (at.isEmpty()) {
            return where.isEmpty() ? "(body)" : where;
        }
        return where.isEmpty() ? at : at + "." + where;
    }
}
