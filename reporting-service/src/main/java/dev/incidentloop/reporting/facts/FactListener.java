package dev.incidentloop.reporting.facts;

import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.kit.kafka.KafkaWiring;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the live read model up to date from both event streams. */
@Component
public class FactListener {

    /** The listener's id, by which a replay pauses it for the moment of the swap. */
    public static final String ID = "facts-live";

    private final FactModel model;

    FactListener(FactModel model) {
        this.model = model;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = {"#{T(dev.incidentloop.events.Topics).INCIDENT_EVENTS.name()}",
            "#{T(dev.incidentloop.events.Topics).ESCALATION_EVENTS.name()}"},
            containerFactory = KafkaWiring.EVENT_LISTENER_FACTORY)
    @Transactional
    void on(EventEnvelope envelope) {
        model.apply(envelope, FactModel.Tables.LIVE);
    }
}
