package dev.incidentloop.incident.http;

import dev.incidentloop.events.CancelReason;
import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.FixType;
import dev.incidentloop.events.HoldReason;
import dev.incidentloop.events.LinkType;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.ReportedAlert;
import dev.incidentloop.events.SupportLine;
import dev.incidentloop.incident.lifecycle.IncidentState;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An incident as the API shows it, folded from its events.
 *
 * @param alert       what the monitoring system that reported it said about its alert (labels, links, its own
 *                    severity); null for a report by a person
 * @param occurrences how often the alert behind it was raised (1 for a report by a person)
 * @param version     the sequence number of its last event; it grows with every change and is the ETag
 */
public record IncidentView(
        UUID incidentId,
        String title,
        String description,
        Category category,
        Classification classification,
        Priority priority,
        IncidentState state,
        List<String> allowedCommands,
        String reportedBy,
        String channel,
        ReportedAlert alert,
        Instant reportedAt,
        String assignmentGroup,
        String assignee,
        SupportLine supportLine,
        int reassignments,
        String acknowledgedBy,
        Instant acknowledgedAt,
        HoldReason holdReason,
        String resolvedBy,
        Instant resolvedAt,
        String resolutionCode,
        String resolutionNotes,
        SupportLine resolvedAtLine,
        FixType fixType,
        Integer satisfaction,
        String satisfactionComment,
        int reopenCount,
        String closedBy,
        Instant closedAt,
        CancelReason cancelReason,
        UUID duplicateOf,
        long occurrences,
        List<WorkNote> workNotes,
        List<Link> links,
        long version) {

    public record WorkNote(String author, Instant at, String text) {
    }

    public record Link(LinkType linkType, String reference, String by, Instant at) {
    }
}
