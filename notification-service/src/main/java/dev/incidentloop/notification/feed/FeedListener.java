package dev.incidentloop.notification.feed;

import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.kit.kafka.KafkaWiring;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every incident and escalation event becomes one feed item. The item's unique event id is the idempotency guard:
 * a redelivered event inserts nothing and wakes nobody.
 */
@Component
class FeedListener {

    private final FeedItems items;
    private final FeedSignal signal;

    FeedListener(FeedItems items, FeedSignal signal) {
        this.items = items;
        this.signal = signal;
    }

    @KafkaListener(topics = {"#{T(dev.incidentloop.events.Topics).INCIDENT_EVENTS.name()}",
            "#{T(dev.incidentloop.events.Topics).ESCALATION_EVENTS.name()}"},
            containerFactory = KafkaWiring.EVENT_LISTENER_FACTORY)
    void on(EventEnvelope envelope) {
        if (items.add(envelope)) {
            signal.itemAdded();
        }
    }
}
