package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An incident was reported, by a person over HTTP or by another system on the intake topic.
 *
 * @param channel how it arrived: {@code http} or {@code intake:<source system>}
 * @param alert   what the reporting system said about its alert (version 2); null for a person's report
 */
public record IncidentReported(
        UUID incidentId,
        String title,
        String description,
        Category category,
        String reportedBy,
        String channel,
        Instant occurredAt,
        ReportedAlert alert) implements IncidentEvent {

    /** A report with no alert behind it, as people make them. */
    public IncidentReported(UUID incidentId, String title, String description, Category category, String reportedBy,
                            String channel, Instant occurredAt) {
        this(incidentId, title, description, category, reportedBy, channel, occurredAt, null);
    }
}
