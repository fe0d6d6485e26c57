package dev.incidentloop.incident.http;

import dev.incidentloop.events.AlertRepeated;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentAssigned;
import dev.incidentloop.events.IncidentCanceled;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentClosed;
import dev.incidentloop.events.IncidentEvent;
import dev.incidentloop.events.IncidentLinked;
import dev.incidentloop.events.IncidentPutOnHold;
import dev.incidentloop.events.IncidentReclassified;
import dev.incidentloop.events.IncidentReopened;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.IncidentResumed;
import dev.incidentloop.events.ResolutionConfirmed;
import dev.incidentloop.events.ResolutionRejected;
import dev.incidentloop.events.WorkNoteAdded;
import java.time.Instant;

/**
 * One line of an incident's history: what happened ({@code type}, the event's wire type), who did it, when, and the
 * event itself. The procedures require every step to be traceable afterwards.
 */
record HistoryEntry(long sequence, String type, Instant at, String actor, IncidentEvent event) {

    /** Alert repeats are recorded by the monitoring system that raised them, through intake. */
    static final String INTAKE = "intake";

    static String actor(IncidentEvent event) {
        return switch (event) {
            case IncidentReported e -> e.reportedBy();
            case IncidentClassified e -> e.classifiedBy();
            case IncidentReclassified e -> e.reclassifiedBy();
            case IncidentAssigned e -> e.assignedBy();
            case IncidentAcknowledged e -> e.acknowledgedBy();
            case IncidentPutOnHold e -> e.by();
            case IncidentResumed e -> e.by();
            case IncidentResolved e -> e.resolvedBy();
            case ResolutionConfirmed e -> e.by();
            case ResolutionRejected e -> e.by();
            case IncidentReopened e -> e.by();
            case IncidentClosed e -> e.closedBy();
            case IncidentCanceled e -> e.by();
            case WorkNoteAdded e -> e.author();
            case IncidentLinked e -> e.by();
            case AlertRepeated e -> INTAKE;
        };
    }
}
