package dev.incidentloop.gateway.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.IntakeReport;
import dev.incidentloop.gateway.intake.Reports;
import dev.incidentloop.gateway.integration.Integration;
import dev.incidentloop.gateway.integration.Severity;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * PagerDuty Events API v2, as its clients send it, to one intake report. Errors are PagerDuty's: one sentence each,
 * naming the field in quotes.
 */
public final class PagerDutyEvents {

    static final int SUMMARY = 1024;
    static final int DEDUP_KEY = 255;
    private static final ObjectMapper MAPPER = EventCodec.defaultMapper();
    /** ISO 8601 as PagerDuty's examples write it: the offset with or without a colon, or Z. */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private PagerDutyEvents() {
    }

    /** What is wrong with an event, one sentence each; checked before the routing key is looked up. */
    public static List<String> check(JsonNode event) {
        List<String> errors = new ArrayList<>();
        if (event == null || !event.isObject()) {
            errors.add("the body must be a JSON object");
            return errors;
        }
        requiredText(event, "routing_key", errors);
        String action = requiredText(event, "event_action", errors);
        if (action != null && !List.of("trigger", "acknowledge", "resolve").contains(action)) {
            errors.add("'event_action' must be one of trigger, acknowledge, resolve");
        }
        String dedupKey = optionalText(event, "dedup_key", errors);
        if (dedupKey != null && dedupKey.length() > DEDUP_KEY) {
            errors.add("'dedup_key' must be at most " + DEDUP_KEY + " characters");
        }
        if (("acknowledge".equals(action) || "resolve".equals(action)) && dedupKey == null) {
            errors.add("'dedup_key' is missing or blank: " + action + " needs the key of the alert");
        }
        if ("trigger".equals(action)) {
            checkPayload(event.get("payload"), errors);
        }
        checkArray(event, "links", "href", errors);
        checkArray(event, "images", "src", errors);
        optionalText(event, "client", errors);
        optionalText(event, "client_url", errors);
        return errors;
    }

    /** The report of an event that {@link #check} found valid, sent by {@code integration}. */
    public static IntakeReport translate(JsonNode event, Integration integration) {
        String action = event.get("event_action").asText();
        String dedupKey = text(event, "dedup_key");
        if (!"trigger".equals(action)) {
            return Reports.followUp(integration, "acknowledge".equals(action) ? IntakeReport.Action.ACKNOWLEDGE
                    : IntakeReport.Action.RESOLVE, dedupKey, null);
        }
        if (dedupKey == null) {
            dedupKey = UUID.randomUUID().toString().replace("-", "");
        }
        JsonNode payload = event.get("payload");
        String summary = payload.get("summary").asText();
        String severityWord = payload.get("severity").asText();
        Map<String, Object> details = new LinkedHashMap<>();
        for (String field : List.of("source", "timestamp", "component", "group", "class")) {
            String value = text(payload, field);
            if (value != null) {
                details.put(field, value);
            }
        }
        JsonNode custom = payload.get("custom_details");
        if (custom != null && !custom.isNull()) {
            details.put("custom_details", MAPPER.convertValue(custom, Object.class));
        }
        JsonNode images = event.get("images");
        if (images != null && images.isArray() && !images.isEmpty()) {
            details.put("images", MAPPER.convertValue(images, Object.class));
        }
        String client = text(event, "client");
        if (client != null) {
            details.put("client", client);
        }
        List<IntakeReport.Link> links = new ArrayList<>();
        JsonNode given = event.get("links");
        if (given != null && given.isArray()) {
            given.forEach(link -> links.add(new IntakeReport.Link(link.get("href").asText(), text(link, "text"))));
        }
        String clientUrl = text(event, "client_url");
        if (clientUrl != null) {
            links.add(new IntakeReport.Link(clientUrl, client));
        }
        return Reports.trigger(integration, dedupKey, summary,
                summary.length() > Reports.TITLE ? summary : null,
                Severity.parse(severityWord).orElseThrow(), severityWord, details, links);
    }

    private static void checkPayload(JsonNode payload, List<String> errors) {
        if (payload == null || payload.isNull()) {
            errors.add("'payload' is missing: trigger needs a payload");
            return;
        }
        if (!payload.isObject()) {
            errors.add("'payload' must be an object");
            return;
        }
        String summary = requiredText(payload, "summary", "payload.", errors);
        if (summary != null && summary.length() > SUMMARY) {
            errors.add("'payload.summary' must be at most " + SUMMARY + " characters");
        }
        requiredText(payload, "source", "payload.", errors);
        String severity = requiredText(payload, "severity", "payload.", errors);
        if (severity != null && Severity.parse(severity).filter(s -> s.wireName().equals(severity)).isEmpty()) {
            errors.add("'payload.severity' must be one of critical, error, warning, info");
        }
        String timestamp = optionalText(payload, "timestamp", "payload.", errors);
        if (timestamp != null) {
            try {
                TIMESTAMP.parse(timestamp);
            } catch (DateTimeParseException e) {
                errors.add("'payload.timestamp' must be an ISO 8601 date and time with an offset");
            }
        }
        for (String field : List.of("component", "group", "class")) {
            optionalText(payload, field, "payload.", errors);
        }
    }

    private static void checkArray(JsonNode event, String field, String required, List<String> errors) {
        JsonNode array = event.get(field);
        if (array == null || array.isNull()) {
            return;
        }
        if (!array.isArray()) {
            errors.add("'" + field + "' must be an array");
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (!item.isObject() || !item.path(required).isTextual() || item.get(required).asText().isBlank()) {
                errors.add("'" + field + "[" + i + "]." + required + "' is missing or blank");
            }
        }
    }

    private static String requiredText(JsonNode node, String field, List<String> errors) {
        return requiredText(node, field, "", errors);
    }

    private static String requiredText(JsonNode node, String field, String prefix, List<String> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            errors.add("'" + prefix + field + "' is missing or blank");
            return null;
        }
        if (!value.isTextual()) {
            errors.add("'" + prefix + field + "' must be a string");
            return null;
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field, List<String> errors) {
        return optionalText(node, field, "", errors);
    }

    private static String optionalText(JsonNode node, String field, String prefix, List<String> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add("'" + prefix + field + "' must be a string");
            return null;
        }
        return value.asText().isBlank() ? null : value.asText();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }
}
