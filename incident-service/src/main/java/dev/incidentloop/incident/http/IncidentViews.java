package dev.incidentloop.incident.http;

import dev.incidentloop.events.AlertRepeated;
import dev.incidentloop.events.CancelReason;
import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.EventType;
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
import dev.incidentloop.incident.lifecycle.IncidentState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Reads one incident's events from the event store and folds them into its view. Blocking: call off Netty threads. */
@Component
class IncidentViews {

    private final EventStore eventStore;

    IncidentViews(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    Optional<IncidentView> find(UUID incidentId) {
        return find(incidentId, Instant.MAX);
    }

    /** The incident as it stood at {@code asOf}, rebuilt from the events that had happened by then. */
    Optional<IncidentView> find(UUID incidentId, Instant asOf) {
        Fold fold = null;
        for (DomainEventMessage<?> message : messages(incidentId)) {
            if (!(message.getPayload() instanceof IncidentEvent event) || event.occurredAt().isAfter(asOf)) {
                break;
            }
            if (fold == null) {
                fold = new Fold();
            }
            fold.apply(event);
            fold.version = message.getSequenceNumber();
        }
        return Optional.ofNullable(fold).map(Fold::view);
    }

    /** Every event of the incident: what happened, who did it, when. Empty for an unknown incident. */
    List<HistoryEntry> history(UUID incidentId) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (DomainEventMessage<?> message : messages(incidentId)) {
            if (message.getPayload() instanceof IncidentEvent event) {
                entries.add(new HistoryEntry(message.getSequenceNumber(), EventType.of(event).wireType(),
                        event.occurredAt(), HistoryEntry.actor(event), event));
            }
        }
        return entries;
    }

    private List<DomainEventMessage<?>> messages(UUID incidentId) {
        // from the first event: readEvents(id) would start at the incident's snapshot, which is no event
        DomainEventStream stream = eventStore.readEvents(incidentId.toString(), 0);
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        stream.forEachRemaining(messages::add);
        return messages;
    }

    private static final class Fold {
        UUID incidentId;
        String title;
        String description;
        Category category;
        Classification classification;
        Priority priority;
        IncidentState state;
        String reportedBy;
        String channel;
        ReportedAlert alert;
        Instant reportedAt;
        String assignmentGroup;
        String assignee;
        SupportLine supportLine;
        int reassignments;
        String acknowledgedBy;
        Instant acknowledgedAt;
        HoldReason holdReason;
        String resolvedBy;
        Instant resolvedAt;
        String resolutionCode;
        String resolutionNotes;
        SupportLine resolvedAtLine;
        FixType fixType;
        Integer satisfaction;
        String satisfactionComment;
        int reopenCount;
        String closedBy;
        Instant closedAt;
        CancelReason cancelReason;
        UUID duplicateOf;
        long occurrences;
        final List<IncidentView.WorkNote> workNotes = new ArrayList<>();
        final List<IncidentView.Link> links = new ArrayList<>();
        long version;

        void apply(IncidentEvent event) {
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
                case IncidentClassified e -> {
                    category = e.category();
                    classification = e.classification();
                    priority = e.priority();
                }
                case IncidentReclassified e -> {
                    category = e.category();
                    classification = e.classification();
                    priority = e.priority();
                }
                case IncidentAssigned e -> {
                    assignmentGroup = e.assignmentGroup();
                    assignee = e.assignee();
                    supportLine = e.supportLine();
                    reassignments = e.reassignments();
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
                    // the reopening that follows changes the state
                }
                case IncidentReopened e -> {
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
                case WorkNoteAdded e -> workNotes.add(new IncidentView.WorkNote(e.author(), e.occurredAt(), e.text()));
                case IncidentLinked e -> links.add(new IncidentView.Link(e.linkType(), e.reference(), e.by(),
                        e.occurredAt()));
                case AlertRepeated e -> occurrences = e.occurrences();
            }
        }

        IncidentView view() {
            return new IncidentView(incidentId, title, description, category, classification, priority, state,
                    state.allowedCommands(), reportedBy, channel, alert, reportedAt, assignmentGroup, assignee, supportLine,
                    reassignments, acknowledgedBy, acknowledgedAt, holdReason, resolvedBy, resolvedAt,
                    resolutionCode, resolutionNotes, resolvedAtLine, fixType, satisfaction, satisfactionComment,
                    reopenCount, closedBy, closedAt, cancelReason, duplicateOf, occurrences, List.copyOf(workNotes),
                    List.copyOf(links), version);
        }
    }
}
