package dev.incidentloop.notification.feed;

import dev.incidentloop.events.DomainEvent;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentClosed;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.WorkNoteAdded;

/** The one line an on-call person reads for each kind of event. */
final class Summaries {

    private Summaries() {
    }

    static String of(DomainEvent event) {
        return switch (event) {
            case IncidentReported e -> "New incident: " + e.title() + " (reported by " + e.reportedBy() + ")";
            case IncidentClassified e -> "Classified " + e.priority() + " (impact " + e.impact() + ", urgency "
                    + e.urgency() + ")";
            case IncidentAcknowledged e -> "Acknowledged by " + e.acknowledgedBy();
            case IncidentResolved e -> "Resolved by " + e.resolvedBy() + " (" + e.resolutionCode() + ")";
            case IncidentClosed e -> "Closed by " + e.closedBy();
            case WorkNoteAdded e -> "Note by " + e.author() + ": " + abbreviate(e.text());
            case IncidentEscalated e -> "Escalated to level " + e.level() + ": " + e.priority()
                    + " not acknowledged within " + e.target() + " (" + e.reason() + ")";
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 119) + "…";
    }
}
