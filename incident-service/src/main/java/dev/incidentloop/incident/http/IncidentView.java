package dev.incidentloop.incident.http;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Priority;
import dev.incidentloop.incident.lifecycle.IncidentState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident as the API shows it, folded from its events.
 *
 * @param version the sequence number of its last event; it grows by one or more with every change
 */
public record IncidentView(
        UUID incidentId,
        String title,
        String description,
        Category category,
        int impact,
        int urgency,
        Priority priority,
        IncidentState state,
        List<String> allowedCommands,
        String reportedBy,
        String channel,
        Instant reportedAt,
        String acknowledgedBy,
        Instant acknowledgedAt,
        String resolvedBy,
        Instant resolvedAt,
        String resolutionCode,
        String resolutionNotes,
        String closedBy,
        Instant closedAt,
        List<WorkNote> workNotes,
        long version) {

    public record WorkNote(String author, Instant at, String text) {
    }
}
