package dev.incidentloop.gateway.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.gateway.web.FieldError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an admin may say about an integration, checked field by field. Pure: the controller supplies the id, key and
 * who is asking.
 */
public final class IntegrationRequests {

    /** The same rule the intake schema has for {@code source}, which the name becomes. */
    static final Pattern NAME = Pattern.compile("^[A-Za-z0-9._-]{1,100}$");
    private static final Pattern LABEL = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,99}$");
    private static final int MAX_EVENTS_PER_MINUTE = 10_000_000;
    private static final ObjectMapper MAPPER = EventCodec.defaultMapper();

    private IntegrationRequests() {
    }

    /** The settings a request gives; {@code errors} names every field at fault (then the result is null). */
    public record Settings(String name, Category category, String team, Map<Severity, Classification> severities,
                           String severityLabel, Integer eventsPerMinute) {
    }

    public static Settings parse(byte[] body, List<FieldError> errors) {
        JsonNode json;
        try {
            json = body == null || body.length == 0 ? null : MAPPER.readTree(body);
        } catch (IOException e) {
            errors.add(new FieldError("(body)", "is not JSON: " + e.getMessage().lines().findFirst().orElse("")));
            return null;
        }
        if (json == null || !json.isObject()) {
            errors.add(new FieldError("(body)", "must be a JSON object"));
            return null;
        }
        String name = text(json, "name", errors, true);
        if (name != null && !NAME.matcher(name).matches()) {
            errors.add(new FieldError("name", "must be 1 to 100 of A-Z a-z 0-9 . _ -"));
        }
        Category category = null;
        String categoryWord = text(json, "category", errors, true);
        if (categoryWord != null) {
            category = category(categoryWord);
            if (category == null) {
                errors.add(new FieldError("category", "must be one of " + wireNames()));
            }
        }
        String team = text(json, "team", errors, false);
        if (team != null && team.length() > 100) {
            errors.add(new FieldError("team", "must be at most 100 characters"));
        }
        String label = text(json, "severityLabel", errors, false);
        if (label == null) {
            label = "severity";
        } else if (!LABEL.matcher(label).matches()) {
            errors.add(new FieldError("severityLabel", "must be a label name ([A-Za-z_][A-Za-z0-9_]*)"));
        }
        Integer perMinute = null;
        JsonNode rate = json.get("eventsPerMinute");
        if (rate != null && !rate.isNull()) {
            if (!rate.canConvertToInt() || !rate.isIntegralNumber() || rate.intValue() < 1
                    || rate.intValue() > MAX_EVENTS_PER_MINUTE) {
                errors.add(new FieldError("eventsPerMinute", "must be a whole number from 1 to "
                        + MAX_EVENTS_PER_MINUTE + ", or absent for no limit"));
            } else {
                perMinute = rate.intValue();
            }
        }
        Map<Severity, Classification> severities = category == null ? null : severities(json, category, errors);
        return errors.isEmpty() ? new Settings(name, category, team, severities, label, perMinute) : null;
    }

    /** The integration's defaults (IT service), with what the request says laid over them. */
    private static Map<Severity, Classification> severities(JsonNode json, Category category,
                                                           List<FieldError> errors) {
        Map<Severity, Classification> mapping = new EnumMap<>(Severity.class);
        SeverityMappings.defaults(category).ifPresent(mapping::putAll);
        JsonNode given = json.get("severities");
        if (given != null && !given.isNull()) {
            if (!given.isObject()) {
                errors.add(new FieldError("severities", "must be an object from severity to classification"));
                return null;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String field = "severities." + entry.getKey();
                Severity severity = Severity.parse(entry.getKey()).orElse(null);
                if (severity == null) {
                    errors.add(new FieldError(field, "is not a severity: critical, error, warning or info"));
                    continue;
                }
                Classification classification = classification(entry.getValue(), category, field, errors);
                if (classification != null) {
                    mapping.put(severity, classification);
                }
            }
        }
        for (Severity severity : Severity.values()) {
            if (!mapping.containsKey(severity) && errors.stream().noneMatch(e -> e.field().startsWith(
                    "severities." + severity.wireName()))) {
                errors.add(new FieldError("severities." + severity.wireName(),
                        "is required: category " + category.wireName() + " has no default classification"));
            }
        }
        return Map.copyOf(mapping);
    }

    private static Classification classification(JsonNode node, Category category, String field,
                                                  List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new FieldError(field, "must be a classification object with a kind"));
            return null;
        }
        Classification classification;
        try {
            classification = MAPPER.treeToValue(node, Classification.class);
        } catch (JsonProcessingException e) {
            errors.add(new FieldError(field, "is not a classification: " + e.getOriginalMessage()));
            return null;
        }
        if (classification.category() != category) {
            errors.add(new FieldError(field + ".kind", "must be the integration's category, " + category.wireName()));
            return null;
        }
        if (classification instanceof Classification.ItService it
                && (it.impact() < 1 || it.impact() > 3 || it.urgency() < 1 || it.urgency() > 3)) {
            errors.add(new FieldError(field, "impact and urgency must each be 1 (high), 2 or 3 (low)"));
            return null;
        }
        return classification;
    }

    private static String text(JsonNode json, String field, List<FieldError> errors, boolean required) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            errors.add(new FieldError(field, "must be a non-blank string"));
            return null;
        }
        return node.asText().trim();
    }

    static Category category(String wireName) {
        for (Category c : Category.values()) {
            if (c.wireName().equals(wireName)) {
                return c;
            }
        }
        return null;
    }

    private static List<String> wireNames() {
        List<String> names = new ArrayList<>();
        for (Category c : Category.values()) {
            names.add(c.wireName());
        }
        return names;
    }
}
