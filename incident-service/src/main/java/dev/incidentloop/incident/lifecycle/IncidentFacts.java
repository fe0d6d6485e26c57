package dev.incidentloop.incident.lifecycle;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.incidentloop.events.AlertRepeated;
import dev.incidentloop.events.CancelReason;
import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.FixType;
import dev.incidentloop.events.HoldReason;
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
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.ReportedAlert;
import dev.incidentloop.events.ResolutionConfirmed;
import dev.incidentloop.events.ResolutionRejected;
import dev.incidentloop.events.SupportLine;
import dev.incidentloop.events.WorkNoteAdded;
import java.time.Instant;
import java.util.UUID;

/**
 * What the incident's events say about it: the one fold of the incident stream. {@link #apply} is the only place
 * where an event changes the incident's state; the aggregate, the API's view and the search table all read it and
 * keep what they need. A new event is a compile error here until it is taught once.
 *
 * <p>Work notes and links are lists the view collects beside it; they change no state.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class IncidentFacts {

    private UUID incidentId;
    private String title;
    private String description;
    private Category category;
    private Classification classification;
    private Priority priority;
    private IncidentState state;
    private String reportedBy;
    private String channel;
    private ReportedAlert alert;
    private Instant reportedAt;
    private String assignmentGroup;
    private String assignee;
    private SupportLine supportLine;
    private int assignments;
    private int reassignments;
    private int escalationLevel;
    private String acknowledgedBy;
    private Instant acknowledgedAt;
    private HoldReason holdReason;
    private String resolvedBy;
    private Instant resolvedAt;
    private String resolutionCode;
    private String resolutionNotes;
    private SupportLine resolvedAtLine;
    private FixType fixType;
    private Integer satisfaction;
    private String satisfactionComment;
    private int reopenCount;
    private String closedBy;
    private Instant closedAt;
    private CancelReason cancelReason;
    private UUID duplicateOf;
    private long occurrences;
    private Instant updatedAt;

    /** Before the first event: nothing is known yet. */
    public IncidentFacts() {
    }

    /**
     * The facts a summary row holds, to go on folding from it: the columns the search table keeps. Fields it does
     * not keep stay unset, and no transition of a kept field depends on them.
     */
    public static IncidentFacts summarised(UUID incidentId, String title, String description, Category category,
                                           Priority priority, IncidentState state, String assignmentGroup,
                                           String assignee, SupportLine supportLine, String reportedBy,
                                           Instant reportedAt, Instant resolvedAt, Instant updatedAt) {
        IncidentFacts facts = new IncidentFacts();
        facts.incidentId = incidentId;
        facts.title = title;
        facts.description = description;
        facts.category = category;
        facts.priority = priority;
        facts.state = state;
        facts.assignmentGroup = assignmentGroup;
        facts.assignee = assignee;
        facts.supportLine = supportLine;
        facts.reportedBy = reportedBy;
        facts.reportedAt = reportedAt;
        facts.resolvedAt = resolvedAt;
        facts.updatedAt = updatedAt;
        return facts;
    }

    /** Folds one event in. Events come in the order of the incident's stream, starting with its report. */
    public void apply(IncidentEvent event) {
        updatedAt = event.occurredAt();
        switch (event) {
            case IncidentReported e -> {
                incidentId = e.incidentId();
                title = e.title();
                description = e.description();
                category = e.category();
                reportedBy = e.reportedBy();
                channel = e.channel();
                alert = e.alert();
                reportedAt = e.occurredAt();
                state = IncidentState.NEW;
                supportLine = SupportLine.FIRST;
                occurrences = 1;
            }
            case IncidentClassified e -> classify(e.category(), e.classification(), e.priority());
            case IncidentReclassified e -> classify(e.category(), e.classification(), e.priority());
            case IncidentAssigned e -> {
                assignments++;
                assignmentGroup = e.assignmentGroup();
                assignee = e.assignee();
                reassignments = e.reassignments();
                if (e.supportLine() != null) {
                    supportLine = e.supportLine();
                }
                if (e.escalationLevel() != null) {
                    escalationLevel = Math.max(escalationLevel, e.escalationLevel());
                }
            }
            case IncidentAcknowledged e -> {
                acknowledgedBy = e.acknowledgedBy();
                acknowledgedAt = e.occurredAt();
                state = IncidentState.IN_PROGRESS;
            }
            case IncidentPutOnHold e -> {
                holdReason = e.reason();
                state = IncidentState.ON_HOLD;
            }
            case IncidentResumed e -> {
                holdReason = null;
                state = IncidentState.IN_PROGRESS;
            }
            case IncidentResolved e -> {
                resolvedBy = e.resolvedBy();
                resolvedAt = e.occurredAt();
                resolutionCode = e.resolutionCode();
                resolutionNotes = e.resolutionNotes();
                resolvedAtLine = e.supportLine();
                fixType = e.fixType();
                holdReason = null;
                state = IncidentState.RESOLVED;
            }
            case ResolutionConfirmed e -> {
                satisfaction = e.satisfaction();
                satisfactionComment = e.comment();
            }
            case ResolutionRejected e -> {
                // the reopening that follows it changes the state
            }
            case IncidentReopened e -> {
                // the resolution no longer holds; the history keeps it
                resolvedBy = null;
                resolvedAt = null;
                resolutionCode = null;
                resolutionNotes = null;
                resolvedAtLine = null;
                fixType = null;
                reopenCount = e.reopenCount();
                state = IncidentState.IN_PROGRESS;
            }
            case IncidentClosed e -> {
                closedBy = e.closedBy();
                closedAt = e.occurredAt();
                state = IncidentState.CLOSED;
            }
            case IncidentCanceled e -> {
                cancelReason = e.reason();
                duplicateOf = e.duplicateOf();
                state = IncidentState.CANCELED;
            }
            case WorkNoteAdded e -> {
                // a note changes no state; the view lists it
            }
            case IncidentLinked e -> {
                // a link changes no state; the view lists it
            }
            case AlertRepeated e -> occurrences = e.occurrences();
        }
    }

    private void classify(Category newCategory, Classification newClassification, Priority newPriority) {
        category = newCategory;
        classification = newClassification;
        priority = newPriority;
    }

    public UUID incidentId() {
        return incidentId;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public Category category() {
        return category;
    }

    public Classification classification() {
        return classification;
    }

    public Priority priority() {
        return priority;
    }

    public IncidentState state() {
        return state;
    }

    public String reportedBy() {
        return reportedBy;
    }

    public String channel() {
        return channel;
    }

    public ReportedAlert alert() {
        return alert;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    public String assignmentGroup() {
        return assignmentGroup;
    }

    public String assignee() {
        return assignee;
    }

    public SupportLine supportLine() {
        return supportLine;
    }

    /** How many assignments it has had, escalations included. */
    public int assignments() {
        return assignments;
    }

    /** As the last assignment said: how many it had had before it. */
    public int reassignments() {
        return reassignments;
    }

    /** The highest escalation level that has moved it; 0 if none has. */
    public int escalationLevel() {
        return escalationLevel;
    }

    public String acknowledgedBy() {
        return acknowledgedBy;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public HoldReason holdReason() {
        return holdReason;
    }

    public String resolvedBy() {
        return resolvedBy;
    }

    /** When the resolution that holds now was made; null before one and after a reopening. */
    public Instant resolvedAt() {
        return resolvedAt;
    }

    public String resolutionCode() {
        return resolutionCode;
    }

    public String resolutionNotes() {
        return resolutionNotes;
    }

    public SupportLine resolvedAtLine() {
        return resolvedAtLine;
    }

    public FixType fixType() {
        return fixType;
    }

    public Integer satisfaction() {
        return satisfaction;
    }

    public String satisfactionComment() {
        return satisfactionComment;
    }

    public int reopenCount() {
        return reopenCount;
    }

    public String closedBy() {
        return closedBy;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public CancelReason cancelReason() {
        return cancelReason;
    }

    public UUID duplicateOf() {
        return duplicateOf;
    }

    /** How often the alert behind it was raised (1 for a report by a person). */
    public long occurrences() {
        return occurrences;
    }

    /** When its last event happened. */
    public Instant updatedAt() {
        return updatedAt;
    }
}
