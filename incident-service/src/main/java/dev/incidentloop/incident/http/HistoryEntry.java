package dev.incidentloop.incident.http;

import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentClosed;
import dev.incidentloop.events.IncidentEvent;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.WorkNoteAdded;
import java.time.Instant;

/**
 * One line of an incident's history: what happened ({@code type}, the event's wire type), who did it, when, and the
 * event itself. The procedures require every step to be traceable afterwards.
 */
record HistoryEntry(long sequence, String type, Instant at, String actor, IncidentEvent event) {

    static String actor(IncidentEvent event) {
        return switch (event) {
            case IncidentReported e -> e.reportedBy();
            case IncidentClassified e -> e.classifiedBy();
            case IncidentAcknowledged e -> e.acknowledgedBy();
            case IncidentResolved e -> e.resolvedBy();
            case IncidentClosed e -> e.closedBy();
            case WorkNoteAdded e -> e.author();
        };
    }
}
