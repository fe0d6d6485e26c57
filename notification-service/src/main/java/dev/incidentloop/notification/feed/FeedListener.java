package dev.incidentloop.notification.feed;

import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.Topics;
import dev.incidentloop.kit.deadletter.DeadLetterHandler;
import dev.incidentloop.kit.inbox.ProcessedEvents;
import dev.incidentloop.kit.kafka.EventBatches;
import dev.incidentloop.kit.kafka.KafkaWiring;
import dev.incidentloop.notification.feed.FeedItems.NewItem;
import dev.incidentloop.notification.route.IncidentRoutes.Route;
import dev.incidentloop.notification.route.IncidentRoutes;
import dev.incidentloop.notification.webhook.Deliveries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns every incident and escalation event into feed items (see {@link Feeds}) and into webhook deliveries for the
 * subscriptions it matches, a poll's events in one transaction. The events taken in are recorded in that
 * transaction, and a redelivered one is skipped, so nobody is notified twice, nor a team the incident moved to
 * since; items are unique per feed and event and deliveries per subscription and event besides. Open streams, on
 * every instance, are woken once it commits ({@link FeedSignal}).
 */
@Component
class FeedListener {

    private final FeedItems items;
    private final IncidentRoutes routes;
    private final Deliveries deliveries;
    private final ProcessedEvents processed;
    private final TransactionTemplate transactions;

    FeedListener(FeedItems items, IncidentRoutes routes, Deliveries deliveries,
                 ProcessedEvents processed, TransactionTemplate transactions) {
        this.items = items;
        this.routes = routes;
        this.deliveries = deliveries;
        this.processed = processed;
        this.transactions = transactions;
    }

    @KafkaListener(topics = {Topics.INCIDENT_EVENTS_NAME, Topics.ESCALATION_EVENTS_NAME},
            containerFactory = KafkaWiring.EVENT_BATCH_LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, EventEnvelope>> records) {
        EventBatches.applyInTransactions(records, transactions, events -> {
            List<EventEnvelope> relevant = events.stream().filter(this::relevant).toList();
            if (relevant.isEmpty()) {
                return;
            }
            // a redelivered event is skipped as a whole: its incident's route may have moved on since
            Set<UUID> first = processed.firstDeliveries(relevant.stream().map(EventEnvelope::id).toList());
            List<EventEnvelope> fresh = relevant.stream().filter(e -> first.remove(e.id())).toList();
            if (!fresh.isEmpty()) {
                apply(fresh);
            }
        });
    }

    /** Its dead letters of both streams, processed again on an admin's word (service-kit's DeadLetters). */
    @Bean
    DeadLetterHandler eventsRedrive() {
        return DeadLetterHandler.events(this::on, Topics.INCIDENT_EVENTS, Topics.ESCALATION_EVENTS);
    }

    /** Bookkeeping nobody is told about (a deadline set, a clock stopped) needs no database work at all. */
    private boolean relevant(EventEnvelope envelope) {
        return Route.changedBy(envelope.data()) || Summaries.of(envelope.data()).isPresent()
                || deliveries.anyWants(envelope.type().typeName());
    }

    /**
     * Applies the events in their order, with a fixed number of statements however many there are: the incidents'
     * routes are read at once and changed in memory, each event sees its incident's route as of that event, and the
     * changed routes and the new items are written at the end.
     */
    private void apply(List<EventEnvelope> events) {
        Map<UUID, Route> routes = this.routes.findAll(events.stream().map(EventEnvelope::incidentId)
                .collect(Collectors.toSet()));
        Map<UUID, Route> changed = new LinkedHashMap<>();
        List<NewItem> newItems = new ArrayList<>();
        for (EventEnvelope envelope : events) {
            Route known = routes.get(envelope.incidentId());
            Route before = known != null ? known : Route.of(envelope.incidentId());
            Route after = before.after(envelope.data());
            if (after != before) {
                routes.put(after.incidentId(), after);
                changed.put(after.incidentId(), after);
            }
            // null until the incident has a route, as before its first event that sets one
            Route current = routes.get(envelope.incidentId());
            Summaries.of(envelope.data()).ifPresent(summary -> Feeds.of(envelope.data(), current)
                    .forEach(feed -> newItems.add(new NewItem(feed, envelope, summary))));
            deliveries.enqueue(envelope, current);
        }
        this.routes.saveAll(changed.values());
        if (!newItems.isEmpty()) {
            items.addAll(newItems);
        }
    }
}
