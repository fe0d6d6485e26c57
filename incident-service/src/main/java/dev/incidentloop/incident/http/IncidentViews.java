package dev.incidentloop.incident.http;

import dev.incidentloop.events.EventType;
import dev.incidentloop.events.IncidentEvent;
import dev.incidentloop.events.IncidentLinked;
import dev.incidentloop.events.WorkNoteAdded;
import dev.incidentloop.incident.lifecycle.IncidentFacts;
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

    /** The shared fold, plus the notes and links the view lists and the version it shows. */
    private static final class Fold {
        final IncidentFacts facts = new IncidentFacts();
        final List<IncidentView.WorkNote> workNotes = new ArrayList<>();
        final List<IncidentView.Link> links = new ArrayList<>();
        long version;

        void apply(IncidentEvent event) {
            facts.apply(event);
            if (event instanceof WorkNoteAdded e) {
                workNotes.add(new IncidentView.WorkNote(e.author(), e.occurredAt(), e.text()));
            } else if (event instanceof IncidentLinked e) {
                links.add(new IncidentView.Link(e.linkType(), e.reference(), e.by(), e.occurredAt()));
            }
        }

        IncidentView view() {
            IncidentFacts f = facts;
            return new IncidentView(f.incidentId(), f.title(), f.description(), f.category(), f.classification(),
                    f.priority(), f.state(), f.state().allowedCommands(), f.reportedBy(), f.channel(), f.alert(),
                    f.reportedAt(), f.assignmentGroup(), f.assignee(), f.supportLine(), f.reassignments(),
                    f.acknowledgedBy(), f.acknowledgedAt(), f.holdReason(), f.resolvedBy(), f.resolvedAt(),
                    f.resolutionCode(), f.resolutionNotes(), f.resolvedAtLine(), f.fixType(), f.satisfaction(),
                    f.satisfactionComment(), f.reopenCount(), f.closedBy(), f.closedAt(), f.cancelReason(),
                    f.duplicateOf(), f.occurrences(), List.copyOf(workNotes), List.copyOf(links), version);
        }
    }
}
