package dev.incidentloop.incident.http;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.EventType;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentClosed;
import dev.incidentloop.events.IncidentEvent;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.Priority;
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
        DomainEventStream stream = eventStore.readEvents(incidentId.toString());
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        stream.forEachRemaining(messages::add);
        return messages;
    }

    private static final class Fold {
        UUID incidentId;
        String title;
        String description;
        Category category;
        int impact;
        int urgency;
        Priority priority;
        IncidentState state;
        String reportedBy;
        String channel;
        Instant reportedAt;
        String acknowledgedBy;
        Instant acknowledgedAt;
        String resolvedBy;
        Instant resolvedAt;
        String resolutionCode;
        String resolutionNotes;
        String closedBy;
        Instant closedAt;
        final List<IncidentView.WorkNote> workNotes = new ArrayList<>();
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
                    reportedAt = e.occurredAt();
                    state = IncidentState.NEW;
                }
                case IncidentClassified e -> {
                    category = e.category();
                    impact = e.impact();
                    urgency = e.urgency();
                    priority = e.priority();
                }
                case IncidentAcknowledged e -> {
                    acknowledgedBy = e.acknowledgedBy();
                    acknowledgedAt = e.occurredAt();
                    state = IncidentState.IN_PROGRESS;
                }
                case IncidentResolved e -> {
                    resolvedBy = e.resolvedBy();
                    resolvedAt = e.occurredAt();
                    resolutionCode = e.resolutionCode();
                    resolutionNotes = e.notes();
                    state = IncidentState.RESOLVED;
                }
                case IncidentClosed e -> {
                    closedBy = e.closedBy();
                    closedAt = e.occurredAt();
                    state = IncidentState.CLOSED;
                }
                case WorkNoteAdded e -> workNotes.add(new IncidentView.WorkNote(e.author(), e.occurredAt(), e.text()));
            }
        }

        IncidentView view() {
            return new IncidentView(incidentId, title, description, category, impact, urgency, priority, state,
                    state.allowedCommands(), reportedBy, channel, reportedAt, acknowledgedBy, acknowledgedAt,
                    resolvedBy, resolvedAt, resolutionCode, resolutionNotes, closedBy, closedAt, List.copyOf(workNotes),
                    version);
        }
    }
}
