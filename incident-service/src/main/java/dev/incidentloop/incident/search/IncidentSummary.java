package dev.incidentloop.incident.search;

import java.time.Instant;
import java.util.UUID;

/** One incident in a search result. */
public record IncidentSummary(
        UUID incidentId,
        String title,
        String category,
        String priority,
        String state,
        String assignmentGroup,
        String assignee,
        String supportLine,
        String reportedBy,
        Instant reportedAt,
        Instant resolvedAt,
        Instant updatedAt,
        long version) {
}
