package dev.incidentloop.incident.lifecycle;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.incidentloop.events.AlertRepeated;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentAssigned;
import dev.incidentloop.events.IncidentCanceled;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentClosed;
import dev.incidentloop.events.IncidentLinked;
import dev.incidentloop.events.IncidentPutOnHold;
import dev.incidentloop.events.IncidentReclassified;
import dev.incidentloop.events.IncidentReopened;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.IncidentResumed;
import dev.incidentloop.events.IncidentEvent;
import dev.incidentloop.events.ResolutionConfirmed;
import dev.incidentloop.events.ResolutionRejected;
import dev.incidentloop.events.SupportLine;
import dev.incidentloop.events.WorkNoteAdded;
import dev.incidentloop.events.Classification;
import dev.incidentloop.incident.classification.ClassificationInput;
import dev.incidentloop.incident.classification.Classifier;
import dev.incidentloop.kit.web.FieldError;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The incident. Command handlers check the transition against the state (see {@link IncidentState}), then apply;
 * its one event-sourcing handler hands every event to {@link IncidentFacts}, the fold the view and the search table
 * share. Its fields are its snapshot (JSON, revision 3): an incident that an alert
 * storm repeats for hours has thousands of events, and loading it starts from the latest snapshot instead. A change
 * to the fields needs a new revision; snapshots of another revision are ignored and the events replayed.
 */
@Aggregate(cache = "incidentCache", snapshotTriggerDefinition = "incidentSnapshots")
@Revision("3")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Incident {

    static final String SYSTEM = "system";

    @AggregateIdentifier
    private UUID incidentId;
    private IncidentFacts facts;

    protected Incident() {
        // for Axon, which rebuilds the aggregate from its events
    }

    @CommandHandler
    public Incident(ReportIncident command, Clock clock) {
        Instant now = clock.instant();
        notLaterThanTheReport(command.classification(), now);
        var result = Classifier.classify(command.classification());
        apply(new IncidentReported(command.incidentId(), command.title(), command.description(),
                result.classification().category(), command.reportedBy(), command.channel(), now, command.alert()));
        apply(new IncidentClassified(command.incidentId(), result.classification().category(),
                result.classification(), result.priority(), command.reportedBy(), now));
        if (command.team() != null) {
            apply(new IncidentAssigned(command.incidentId(), command.team(), null, SupportLine.FIRST, 0,
                    "the reporting integration's team", null, command.reportedBy(), now));
        }
    }

    @CommandHandler
    public void handle(AcknowledgeIncident command, Clock clock) {
        require("acknowledge");
        apply(new IncidentAcknowledged(incidentId, command.acknowledgedBy(), clock.instant()));
    }

    @CommandHandler
    public void handle(AssignIncident command, Clock clock) {
        require("assign");
        apply(new IncidentAssigned(incidentId, command.assignmentGroup(), command.assignee(), command.supportLine(),
                facts.assignments(), command.reason(), null, command.assignedBy(), clock.instant()));
    }

    @CommandHandler
    public void handle(EscalateToLine command, Clock clock) {
        SupportLine current = facts.supportLine() == null ? SupportLine.FIRST : facts.supportLine();
        if (command.level() <= facts.escalationLevel() || !facts.state().open() || command.line().compareTo(current) <= 0) {
            return; // applied already, nobody needs to be moved any more, or it never moves back down
        }
        apply(new IncidentAssigned(incidentId, command.assignmentGroup(), null, command.line(), facts.assignments(),
                "escalated: " + command.reason(), command.level(), "escalation-service", clock.instant()));
    }

    @CommandHandler
    public void handle(PutOnHold command, Clock clock) {
        require("put-on-hold");
        apply(new IncidentPutOnHold(incidentId, command.reason(), command.by(), clock.instant()));
    }

    @CommandHandler
    public void handle(ResumeIncident command, Clock clock) {
        require("resume");
        apply(new IncidentResumed(incidentId, command.by(), clock.instant()));
    }

    @CommandHandler
    public void handle(ResolveIncident command, Clock clock) {
        require("resolve");
        apply(new IncidentResolved(incidentId, command.resolvedBy(), command.resolutionCode(),
                command.resolutionNotes(), command.supportLine(), command.fixType(), clock.instant()));
    }

    @CommandHandler
    public void handle(ConfirmResolution command, Clock clock) {
        require("confirm");
        String onBehalfOf = ReporterAnswer.onBehalfOf(facts.reportedBy(), command.by(),
                command.mayAnswerForReporter(), "confirm");
        if (command.satisfaction() < 1 || command.satisfaction() > 5) {
            throw new IllegalArgumentException("satisfaction must be 1 to 5, was " + command.satisfaction());
        }
        Instant now = clock.instant();
        apply(new ResolutionConfirmed(incidentId, command.satisfaction(), command.comment(), command.by(), onBehalfOf,
                now));
        apply(new IncidentClosed(incidentId, command.by(), now));
    }

    @CommandHandler
    public void handle(RejectResolution command, Clock clock) {
        require("reject");
        String onBehalfOf = ReporterAnswer.onBehalfOf(facts.reportedBy(), command.by(),
                command.mayAnswerForReporter(), "reject");
        Instant now = clock.instant();
        apply(new ResolutionRejected(incidentId, command.reason(), command.by(), onBehalfOf, now));
        apply(new IncidentReopened(incidentId, command.reason(), facts.reopenCount() + 1, command.by(), now));
    }

    @CommandHandler
    public void handle(ReopenIncident command, Clock clock) {
        require("reopen");
        apply(new IncidentReopened(incidentId, command.reason(), facts.reopenCount() + 1, command.by(), clock.instant()));
    }

    @CommandHandler
    public void handle(CloseIncident command, Clock clock) {
        require("close");
        apply(new IncidentClosed(incidentId, command.closedBy(), clock.instant()));
    }

    @CommandHandler
    public void handle(AutoClose command, Clock clock) {
        if (facts.state() != IncidentState.RESOLVED || !facts.resolvedAt().truncatedTo(ChronoUnit.MILLIS)
                .equals(command.resolvedAt().truncatedTo(ChronoUnit.MILLIS))) {
            return; // confirmed, reopened or resolved again meanwhile
        }
        apply(new IncidentClosed(incidentId, SYSTEM, clock.instant()));
    }

    @CommandHandler
    public void handle(CancelIncident command, Clock clock) {
        require("cancel");
        apply(new IncidentCanceled(incidentId, command.reason(), command.duplicateOf(), command.by(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(ReclassifyIncident command, Clock clock) {
        require("reclassify");
        notLaterThanTheReport(command.classification(), facts.reportedAt());
        var result = Classifier.classify(command.classification());
        apply(new IncidentReclassified(incidentId, result.classification().category(), result.classification(),
                result.priority(), facts.priority(), command.reason(), command.by(), clock.instant()));
    }

    @CommandHandler
    public void handle(AddWorkNote command, Clock clock) {
        require("add-note");
        apply(new WorkNoteAdded(incidentId, command.author(), command.text(), clock.instant()));
    }

    @CommandHandler
    public void handle(LinkRecord command, Clock clock) {
        require("link");
        apply(new IncidentLinked(incidentId, command.linkType(), command.reference(), command.by(), clock.instant()));
    }

    /** Taken in any state: intake counted these repeats while the incident was open. */
    @CommandHandler
    public void handle(RecordAlertRepeats command, Clock clock) {
        if (command.repeats() > 0) {
            apply(new AlertRepeated(incidentId, command.repeats(), facts.occurrences() + command.repeats(),
                    command.lastSeenAt(), command.intakePartition(), command.intakeOffset(), clock.instant()));
        }
    }

    private void require(String command) {
        if (!facts.state().allows(command)) {
            throw new TransitionNotAllowed(facts.state(), command);
        }
    }

    /** DOMAIN.md sections 3 and 5: detection and occurrence, from which deadlines count, are never after the report. */
    private static void notLaterThanTheReport(Classification classification, Instant reportedAt) {
        List<FieldError> errors = new ArrayList<>();
        ClassificationInput.notLaterThanTheReport(classification, reportedAt, errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.getFirst().field() + " " + errors.getFirst().message());
        }
    }

    /** Every event is folded in one place, {@link IncidentFacts#apply}; the aggregate only keeps the result. */
    @EventSourcingHandler
    void on(IncidentEvent event) {
        if (event instanceof IncidentReported reported) {
            incidentId = reported.incidentId();
            facts = new IncidentFacts();
        }
        facts.apply(event);
    }
}
