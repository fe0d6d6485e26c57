package dev.incidentloop.notification.feed;

import dev.incidentloop.events.AlertRepeated;
import dev.incidentloop.events.DomainEvent;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentAssigned;
import dev.incidentloop.events.IncidentCanceled;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentClosed;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.events.IncidentLinked;
import dev.incidentloop.events.IncidentPutOnHold;
import dev.incidentloop.events.IncidentReclassified;
import dev.incidentloop.events.IncidentReopened;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.IncidentResumed;
import dev.incidentloop.events.ResolutionConfirmed;
import dev.incidentloop.events.ResolutionRejected;
import dev.incidentloop.events.ResolutionUnconfirmed;
import dev.incidentloop.events.NotificationDelivered;
import dev.incidentloop.events.NotificationFailed;
import dev.incidentloop.events.RegulatoryDeadlineMet;
import dev.incidentloop.events.RegulatoryDeadlineMissed;
import dev.incidentloop.events.RegulatoryDeadlineSet;
import dev.incidentloop.events.SlaBreached;
import dev.incidentloop.events.SlaClockPaused;
import dev.incidentloop.events.SlaClockStopped;
import dev.incidentloop.events.SlaDeadlineSet;
import dev.incidentloop.events.SlaWarning;
import dev.incidentloop.events.WorkNoteAdded;
import java.util.Optional;

/**
 * The one line an on-call person reads for each kind of event, or none for events that are bookkeeping (a deadline
 * set is not news; its breach is).
 */
final class Summaries {

    private Summaries() {
    }

    static Optional<String> of(DomainEvent event) {
        return Optional.ofNullable(switch (event) {
            case IncidentReported e -> "New incident: " + e.title() + " (reported by " + e.reportedBy() + ")";
            case IncidentClassified e -> "Classified " + e.priority() + " (" + e.category().wireName() + ")";
            case IncidentReclassified e -> "Reclassified " + e.previousPriority() + " -> " + e.priority() + " by "
                    + e.reclassifiedBy() + ": " + abbreviate(e.reason());
            case IncidentAssigned e -> "Assigned to " + e.assignmentGroup()
                    + (e.assignee() == null ? "" : " / " + e.assignee()) + " (" + e.supportLine().wireName()
                    + " line)";
            case IncidentAcknowledged e -> "Acknowledged by " + e.acknowledgedBy();
            case IncidentPutOnHold e -> "On hold (" + e.reason().wireName() + ") by " + e.by();
            case IncidentResumed e -> "Resumed by " + e.by();
            case IncidentResolved e -> "Resolved by " + e.resolvedBy() + " (" + e.resolutionCode() + ")";
            case ResolutionConfirmed e -> "Resolution confirmed by " + e.by() + forReporter(e.onBehalfOf())
                    + ", satisfaction " + e.satisfaction() + "/5";
            case ResolutionRejected e -> "Resolution rejected by " + e.by() + forReporter(e.onBehalfOf()) + ": "
                    + abbreviate(e.reason());
            case IncidentReopened e -> "Reopened by " + e.by() + " (" + e.reopenCount() + ". time)";
            case IncidentClosed e -> "Closed by " + e.closedBy();
            case IncidentCanceled e -> "Canceled by " + e.by() + " (" + e.reason().wireName() + ")";
            case WorkNoteAdded e -> "Note by " + e.author() + ": " + abbreviate(e.text());
            case IncidentLinked e -> "Linked to " + e.linkType().wireName() + " " + e.reference();
            case AlertRepeated e -> "Alert repeated " + e.repeats() + "x (" + e.occurrences() + " in all)";
            case IncidentEscalated e -> capitalized(e.kind().wireName()) + " escalation, level " + e.level()
                    + (e.repeat() > 0 ? " (repeat " + e.repeat() + ")" : "") + ": " + e.priority() + ", "
                    + e.reason() + (e.recipients().isEmpty() ? "" : ", to " + String.join(", ", e.recipients()));
            case SlaWarning e -> capitalized(e.clock().wireName()) + " target of " + e.target() + " due at "
                    + e.dueAt();
            case SlaClockPaused e -> null;
            case SlaClockStopped e -> null;
            case RegulatoryDeadlineSet e -> "Deadline " + e.deadline() + " due at " + e.dueAt();
            case RegulatoryDeadlineMet e -> "Deadline " + e.deadline() + " met"
                    + (e.by() == null ? "" : " (" + e.by() + ")");
            case RegulatoryDeadlineMissed e -> "Deadline " + e.deadline() + " missed (was due at " + e.dueAt() + ")";
            case ResolutionUnconfirmed e -> "Resolution not confirmed within " + e.period() + "; closing";
            case NotificationDelivered e -> null;
            case NotificationFailed e -> null;
            case SlaBreached e -> capitalized(e.clock().wireName()) + " target of " + e.target() + " missed";
            case SlaDeadlineSet e -> null;
        });
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 120 ? text : text.substring(0, 119) + "…";
    }

    /** " for li.wei" when a responder answered for the reporter. */
    private static String forReporter(String onBehalfOf) {
        return onBehalfOf == null ? "" : " for " + onBehalfOf;
    }
}
