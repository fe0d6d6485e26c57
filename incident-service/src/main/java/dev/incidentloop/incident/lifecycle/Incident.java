package dev.incidentloop.incident.lifecycle;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentClosed;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.WorkNoteAdded;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The incident: its lifecycle is the whole of its state. Command handlers check the transition, then apply;
 * event-sourcing handlers only assign.
 */
@Aggregate
public class Incident {

    @AggregateIdentifier
    private UUID incidentId;
    private IncidentState state;

    protected Incident() {
        // for Axon, which rebuilds the aggregate from its events
    }

    @CommandHandler
    public Incident(ReportIncident command, Clock clock) {
        Instant now = clock.instant();
        var priority = PriorityMatrix.priorityOf(command.impact(), command.urgency());
        apply(new IncidentReported(command.incidentId(), command.title(), command.description(), command.category(),
                command.reportedBy(), command.channel(), now));
        apply(new IncidentClassified(command.incidentId(), command.category(), command.impact(), command.urgency(),
                priority, command.reportedBy(), now));
    }

    @CommandHandler
    public void handle(AcknowledgeIncident command, Clock clock) {
        require("acknowledge");
        apply(new IncidentAcknowledged(incidentId, command.acknowledgedBy(), clock.instant()));
    }

    @CommandHandler
    public void handle(ResolveIncident command, Clock clock) {
        require("resolve");
        apply(new IncidentResolved(incidentId, command.resolvedBy(), command.resolutionCode(), command.notes(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(CloseIncident command, Clock clock) {
        require("close");
        apply(new IncidentClosed(incidentId, command.closedBy(), clock.instant()));
    }

    @CommandHandler
    public void handle(AddWorkNote command, Clock clock) {
        require("add-note");
        apply(new WorkNoteAdded(incidentId, command.author(), command.text(), clock.instant()));
    }

    private void require(String command) {
        if (!state.allows(command)) {
            throw new TransitionNotAllowed(state, command);
        }
    }

    @EventSourcingHandler
    void on(IncidentReported event) {
        incidentId = event.incidentId();
        state = IncidentState.NEW;
    }

    @EventSourcingHandler
    void on(IncidentAcknowledged event) {
        state = IncidentState.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(IncidentResolved event) {
        state = IncidentState.RESOLVED;
    }

    @EventSourcingHandler
    void on(IncidentClosed event) {
        state = IncidentState.CLOSED;
    }
}
