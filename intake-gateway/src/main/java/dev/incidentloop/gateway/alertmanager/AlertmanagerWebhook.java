package dev.incidentloop.gateway.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.IntakeReport;
import dev.incidentloop.gateway.intake.Reports;
import dev.incidentloop.gateway.integration.Integration;
import dev.incidentloop.gateway.integration.Severity;
import dev.incidentloop.gateway.security.Secrets;
import dev.incidentloop.gateway.web.FieldError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Alertmanager's webhook (version 4), and Grafana's webhook contact point, which sends the same shape with more
 * fields: each alert of {@code alerts[]} becomes a trigger ({@code firing}) or a resolve ({@code resolved}) of the
 * alert's fingerprint, so that every notification of one alert counts against one incident.
 */
public final class AlertmanagerWebhook {

    private static final ObjectMapper MAPPER = EventCodec.defaultMapper();
    /** Grafana's links per alert, kept as links of the incident. */
    private static final List<String> GRAFANA_LINKS = List.of("dashboardURL", "panelURL", "silenceURL");

    private AlertmanagerWebhook() {
    }

    /** What is wrong with a webhook body, by field. */
    public static List<FieldError> check(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            errors.add(new FieldError("(body)", "must be a JSON object"));
            return errors;
        }
        JsonNode alerts = body.get("alerts");
        if (alerts == null || !alerts.isArray()) {
            errors.add(new FieldError("alerts", "must be an array of alerts"));
            return errors;
        }
        for (int i = 0; i < alerts.size(); i++) {
            String at = "alerts[" + i + "]";
            JsonNode alert = alerts.get(i);
            if (!alert.isObject()) {
                errors.add(new FieldError(at, "must be an object"));
                continue;
            }
            String status = alert.path("status").asText(null);
            if (!"firing".equals(status) && !"resolved".equals(status)) {
                errors.add(new FieldError(at + ".status", "must be firing or resolved"));
            }
            stringMap(alert, "labels", at, errors);
            stringMap(alert, "annotations", at, errors);
            JsonNode fingerprint = alert.get("fingerprint");
            if (fingerprint != null && !fingerprint.isNull() && !fingerprint.isTextual()) {
                errors.add(new FieldError(at + ".fingerprint", "must be a string"));
            }
            if ((fingerprint == null || fingerprint.asText("").isBlank()) && alert.path("labels").isEmpty()) {
                errors.add(new FieldError(at, "has neither a fingerprint nor labels to tell the alert by"));
            }
        }
        return errors;
    }

    /** The reports of a body that {@link #check} found valid. */
    public static List<IntakeReport> translate(JsonNode body, Integration integration) {
        JsonNode alerts = body.get("alerts");
        List<IntakeReport> reports = new ArrayList<>(alerts.size());
        for (JsonNode alert : alerts) {
            Map<String, String> labels = strings(alert.get("labels"));
            Map<String, String> annotations = strings(alert.get("annotations"));
            String dedupKey = dedupKey(alert, labels);
            if ("resolved".equals(alert.get("status").asText())) {
                reports.add(Reports.followUp(integration, IntakeReport.Action.RESOLVE, dedupKey,
                        annotations.get("description")));
                continue;
            }
            String title = first(annotations.get("summary"), labels.get("alertname"), "Alert " + dedupKey);
            String severityWord = labels.get(integration.severityLabel());
            Severity severity = Severity.parse(severityWord).orElse(Severity.DEFAULT);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("labels", labels);
            if (!annotations.isEmpty()) {
                details.put("annotations", annotations);
            }
            for (String field : List.of("startsAt", "valueString")) {
                String value = alert.path(field).asText(null);
                if (value != null && !value.isBlank()) {
                    details.put(field, value);
                }
            }
            JsonNode values = alert.get("values");
            if (values != null && values.isObject() && !values.isEmpty()) {
                details.put("values", MAPPER.convertValue(values, Object.class));
            }
            List<IntakeReport.Link> links = new ArrayList<>();
            String generator = alert.path("generatorURL").asText("");
            if (!generator.isBlank()) {
                links.add(new IntakeReport.Link(generator, "generatorURL"));
            }
            for (String field : GRAFANA_LINKS) {
                String url = alert.path(field).asText("");
                if (!url.isBlank()) {
                    links.add(new IntakeReport.Link(url, field));
                }
            }
            reports.add(Reports.trigger(integration, dedupKey, title, annotations.get("description"), severity,
                    severityWord, details, links));
        }
        return reports;
    }

    /**
     * The alert's fingerprint, which Alertmanager derives from its labels and so keeps across notifications; where a
     * sender gives none, the same from the labels here.
     */
    static String dedupKey(JsonNode alert, Map<String, String> labels) {
        String fingerprint = alert.path("fingerprint").asText("");
        if (!fingerprint.isBlank()) {
            return fingerprint;
        }
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(labels).forEach((k, v) -> canonical.append(k).append('\u0000').append(v).append('\u0000'));
        return "labels-" + Secrets.sha256Hex(canonical.toString()).substring(0, 16);
    }

    private static void stringMap(JsonNode alert, String field, String at, List<FieldError> errors) {
        JsonNode map = alert.get(field);
        if (map == null || map.isNull()) {
            return;
        }
        if (!map.isObject()) {
            errors.add(new FieldError(at + "." + field, "must be an object of strings"));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isTextual()) {
                errors.add(new FieldError(at + "." + field + "." + entry.getKey(), "must be a string"));
            }
        }
    }

    private static Map<String, String> strings(JsonNode map) {
        Map<String, String> result = new LinkedHashMap<>();
        if (map != null && map.isObject()) {
            map.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().asText()));
        }
        return result;
    }

    private static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}
