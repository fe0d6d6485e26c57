package dev.incidentloop.escalation.response;

import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentCanceled;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentClosed;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.kit.inbox.ProcessedEvents;
import dev.incidentloop.kit.kafka.KafkaWiring;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts the response clock when an incident is classified and stops it when someone responds. The processed-event
 * guard, the clock change and the deadline (db-scheduler shares the transaction) commit together.
 */
@Component
class ResponseClockListener {

    private final ProcessedEvents processed;
    private final ResponseClocks clocks;
    private final ResponseDeadline deadline;
    private final ResponseTargets targets;

    ResponseClockListener(ProcessedEvents processed, ResponseClocks clocks, ResponseDeadline deadline,
                          ResponseTargets targets) {
        this.processed = processed;
        this.clocks = clocks;
        this.deadline = deadline;
        this.targets = targets;
    }

    @KafkaListener(topics = "#{T(dev.incidentloop.events.Topics).INCIDENT_EVENTS.name()}",
            containerFactory = KafkaWiring.EVENT_LISTENER_FACTORY)
    @Transactional
    void on(EventEnvelope envelope) {
        if (!processed.firstDelivery(envelope.id())) {
            return;
        }
        switch (envelope.data()) {
            case IncidentClassified e -> {
                var target = targets.forPriority(e.priority());
                if (clocks.start(e.incidentId(), e.priority(), e.occurredAt(), target)) {
                    deadline.schedule(e.incidentId(), e.occurredAt().plus(target));
                }
            }
            case IncidentAcknowledged e -> stop(e.incidentId(), e.occurredAt());
            case IncidentResolved e -> stop(e.incidentId(), e.occurredAt());
            case IncidentClosed e -> stop(e.incidentId(), e.occurredAt());
            case IncidentCanceled e -> stop(e.incidentId(), e.occurredAt());
            case IncidentReported e -> {
                // the clock starts with the classification, which carries the priority
            }
            default -> {
                // other streams' events are not consumed here
            }
        }
    }

    private void stop(java.util.UUID incidentId, java.time.Instant at) {
        if (clocks.stop(incidentId, at)) {
            deadline.cancel(incidentId);
        }
    }
}
