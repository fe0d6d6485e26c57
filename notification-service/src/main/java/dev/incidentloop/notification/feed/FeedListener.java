package dev.incidentloop.notification.feed;

import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentAssigned;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentReclassified;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.kit.inbox.ProcessedEvents;
import dev.incidentloop.kit.kafka.EventBatches;
import dev.incidentloop.kit.kafka.KafkaWiring;
import dev.incidentloop.notification.webhook.Deliveries;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns every incident and escalation event into feed items (see {@link Feeds}) and into webhook deliveries for the
 * subscriptions it matches, a poll's events in one transaction. The events taken in are recorded in that
 * transaction, and a redelivered one is skipped, so nobody is notified twice, nor a team the incident moved to
 * since; items are unique per feed and event and deliveries per subscription and event besides. Open streams are
 * woken once it commits.
 */
@Component
class FeedListener {

    private final FeedItems items;
    private final IncidentRoutes routes;
    private final Deliveries deliveries;
    private final FeedSignal signal;
    private final ProcessedEvents processed;
    private final TransactionTemplate transactions;

    FeedListener(FeedItems items, IncidentRoutes routes, Deliveries deliveries, FeedSignal signal,
                 ProcessedEvents processed, TransactionTemplate transactions) {
        this.items = items;
        this.processed = processed;
        this.routes = routes;
        this.deliveries = deliveries;
        this.signal = signal;
        this.transactions = transactions;
    }

    @KafkaListener(topics = {"#{T(dev.incidentloop.events.Topics).INCIDENT_EVENTS.name()}",
            "#{T(dev.incidentloop.events.Topics).ESCALATION_EVENTS.name()}"},
            containerFactory = KafkaWiring.EVENT_BATCH_LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, EventEnvelope>> records) {
        EventBatches.process(records, events -> {
            List<EventEnvelope> relevant = events.stream().filter(this::relevant).toList();
            if (!relevant.isEmpty()) {
                transactions.executeWithoutResult(status -> {
                    // a redelivered event is skipped as a whole: its incident's route may have moved on since
                    Set<UUID> first = processed.firstDeliveries(relevant.stream().map(EventEnvelope::id).toList());
                    boolean added = false;
                    for (EventEnvelope envelope : relevant.stream().filter(e -> first.remove(e.id())).toList()) {
                        added |= apply(envelope);
                    }
                    if (added) {
                        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                            @Override
                            public void afterCommit() {
                                signal.itemAdded();
                            }
                        });
                    }
                });
            }
        });
    }

    /** Bookkeeping nobody is told about (a deadline set, a clock stopped) needs no database work at all. */
    private boolean relevant(EventEnvelope envelope) {
        boolean routing = envelope.data() instanceof IncidentReported || envelope.data() instanceof IncidentClassified
                || envelope.data() instanceof IncidentReclassified || envelope.data() instanceof IncidentAssigned;
        return routing || Summaries.of(envelope.data()).isPresent()
                || deliveries.anyWants(envelope.type().typeName());
    }

    /** Returns whether a feed item was added. */
    private boolean apply(EventEnvelope envelope) {
        Optional<String> summary = Summaries.of(envelope.data());
        switch (envelope.data()) {
            case IncidentReported e -> routes.reported(e.incidentId(), e.title(), e.category().wireName());
            case IncidentClassified e -> routes.classified(e.incidentId(), e.category().wireName(),
                    e.priority().name());
            case IncidentReclassified e -> routes.classified(e.incidentId(), e.category().wireName(),
                    e.priority().name());
            case IncidentAssigned e -> routes.assigned(e.incidentId(), e.assignmentGroup(), e.assignee());
            default -> {
                // the route changes with these events only
            }
        }
        var route = routes.find(envelope.incidentId()).orElse(null);
        boolean added = false;
        if (summary.isPresent()) {
            for (String feed : Feeds.of(envelope.data(), route)) {
                added |= items.add(feed, envelope, summary.get());
            }
        }
        deliveries.enqueue(envelope, route);
        return added;
    }
}
