package dev.incidentloop.gateway.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.EventCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** An integration as a record of the integrations topic (key: its id; a tombstone deletes it). */
record StoredIntegration(
        String id,
        String name,
        String keySha256,
        Category category,
        String team,
        Map<String, Classification> severities,
        String severityLabel,
        Integer eventsPerMinute,
        Instant createdAt,
        String createdBy) {

    private static final ObjectMapper MAPPER = EventCodec.defaultMapper();

    static byte[] encode(Integration integration) {
        Map<String, Classification> severities = new LinkedHashMap<>();
        integration.severities().forEach((severity, classification) -> severities.put(severity.wireName(),
                classification));
        try {
            return MAPPER.writeValueAsBytes(new StoredIntegration(integration.id(), integration.name(),
                    integration.keySha256(), integration.category(), integration.team(), severities,
                    integration.severityLabel(), integration.eventsPerMinute(), integration.createdAt(),
                    integration.createdBy()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Integration decode(byte[] value) throws IOException {
        StoredIntegration stored = MAPPER.readValue(value, StoredIntegration.class);
        Map<Severity, Classification> severities = new EnumMap<>(Severity.class);
        for (Map.Entry<String, Classification> entry : stored.severities().entrySet()) {
            Severity severity = Severity.parse(entry.getKey()).orElse(null);
            if (severity == null) {
                throw new IOException("unknown severity " + entry.getKey());
            }
            severities.put(severity, entry.getValue());
        }
        return new Integration(stored.id(), stored.name(), stored.keySha256(), stored.category(), stored.team(),
                Map.copyOf(severities), stored.severityLabel(), stored.eventsPerMinute(), stored.createdAt(),
                stored.createdBy());
    }
}
