package dev.incidentloop.gateway.integration;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import java.time.Instant;
import java.util.Map;

/**
 * A monitoring system allowed to report: its key decides who is speaking. Only the SHA-256 of the key is kept, in the
 * compacted integrations topic; the key itself is shown once, when the integration is created.
 *
 * @param name            the reports' {@code source} and {@code reportedBy}; also what incident-service dedups within
 * @param severities      the classification each severity gives, for the integration's category
 * @param severityLabel   the alert label an Alertmanager or Grafana alert's severity is read from
 * @param eventsPerMinute how many events this integration may send per minute (per gateway instance); null: no limit
 */
public record Integration(
        String id,
        String name,
        String keySha256,
        Category category,
        String team,
        Map<Severity, Classification> severities,
        String severityLabel,
        Integer eventsPerMinute,
        Instant createdAt,
        String createdBy) {

    public Classification classification(Severity severity) {
        return severities.get(severity);
    }
}
