package dev.incidentloop.notification.feed;

import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentAssigned;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentReclassified;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.kit.kafka.KafkaWiring;
import dev.incidentloop.notification.webhook.Deliveries;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns every incident and escalation event into feed items (see {@link Feeds}) and into webhook deliveries for the
 * subscriptions it matches, in one transaction. Items are unique per feed and event, deliveries per subscription and
 * event: a redelivered event adds nothing, so nobody is notified twice. Open streams are woken once it commits.
 */
@Component
class FeedListener {

    private final FeedItems items;
    private final IncidentRoutes routes;
    private final Deliveries deliveries;
    private final FeedSignal signal;

    FeedListener(FeedItems items, IncidentRoutes routes, Deliveries deliveries, FeedSignal signal) {
        this.items = items;
        this.routes = routes;
        this.deliveries = deliveries;
        this.signal = signal;
    }

    @KafkaListener(topics = {"#{T(dev.incidentloop.events.Topics).INCIDENT_EVENTS.name()}",
            "#{T(dev.incidentloop.events.Topics).ESCALATION_EVENTS.name()}"},
            containerFactory = KafkaWiring.EVENT_LISTENER_FACTORY)
    @Transactional
    void on(EventEnvelope envelope) {
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
        var summary = Summaries.of(envelope.data());
        if (summary.isPresent()) {
            for (String feed : Feeds.of(envelope.data(), route)) {
                added |= items.add(feed, envelope, summary.get());
            }
        }
        deliveries.enqueue(envelope, route);
        if (added) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.itemAdded();
                }
            });
        }
    }
}
