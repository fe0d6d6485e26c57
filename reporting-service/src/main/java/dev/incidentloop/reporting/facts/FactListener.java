package dev.incidentloop.reporting.facts;

import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.Topics;
import dev.incidentloop.kit.deadletter.DeadLetterHandler;
import dev.incidentloop.kit.kafka.EventBatches;
import dev.incidentloop.kit.kafka.KafkaWiring;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Keeps the live read model up to date from both event streams, a poll per transaction. */
@Component
public class FactListener {

    /** The listener's id, by which its container is found (a test pauses it). */
    public static final String ID = "facts-live";

    private final FactModel model;
    private final TransactionTemplate transactions;

    FactListener(FactModel model, TransactionTemplate transactions) {
        this.model = model;
        this.transactions = transactions;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = {Topics.INCIDENT_EVENTS_NAME, Topics.ESCALATION_EVENTS_NAME},
            containerFactory = KafkaWiring.EVENT_BATCH_LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, EventEnvelope>> records) {
        EventBatches.applyInTransactions(records, transactions, events -> model.apply(events, FactModel.Tables.LIVE));
    }

    /** Its dead letters of both streams, processed again on an admin's word (service-kit's DeadLetters). */
    @Bean
    DeadLetterHandler eventsRedrive() {
        return DeadLetterHandler.events(this::on, Topics.INCIDENT_EVENTS, Topics.ESCALATION_EVENTS);
    }
}
