package dev.incidentloop.incident.http;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentClosed;
import dev.incidentloop.events.IncidentEvent;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.Priority;
import dev.incidentloop.incident.lifecycle.IncidentState;
import java.time.Instant;
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
        DomainEventStream stream = eventStore.readEvents(incidentId.toString());
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        Fold fold = new Fold();
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof IncidentEvent event) {
                fold.apply(event);
            }
            fold.version = message.getSequenceNumber();
        }
        return Optional.of(fold.view());
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
            }
        }

        IncidentView view() {
            return new IncidentView(incidentId, title, description, category, impact, urgency, priority, state,
                    state.allowedCommands(), reportedBy, channel, reportedAt, acknowledgedBy, acknowledgedAt,
                    resolvedBy, resolvedAt, resolutionCode, resolutionNotes, closedBy, closedAt, version);
        }
    }
}
