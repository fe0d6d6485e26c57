package dev.incidentloop.escalation.sla;

import dev.incidentloop.escalation.outbox.Outbox;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentCanceled;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentClosed;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.SlaClock;
import dev.incidentloop.events.SlaDeadlineSet;
import dev.incidentloop.kit.inbox.ProcessedEvents;
import dev.incidentloop.kit.kafka.KafkaWiring;
import java.time.Instant;
import java.util.UUID;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts both clocks when an incident is classified (the classification carries the priority) and stops them as the
 * incident is handled. The processed-event guard, the clock change, the deadline (db-scheduler shares the
 * transaction) and the published SlaDeadlineSet commit together.
 */
@Component
class SlaClockListener {

    private final ProcessedEvents processed;
    private final SlaClocks clocks;
    private final SlaDeadlines deadlines;
    private final SlaTargets targets;
    private final Outbox outbox;

    SlaClockListener(ProcessedEvents processed, SlaClocks clocks, SlaDeadlines deadlines, SlaTargets targets,
                     Outbox outbox) {
        this.processed = processed;
        this.clocks = clocks;
        this.deadlines = deadlines;
        this.targets = targets;
        this.outbox = outbox;
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
                for (SlaClock clock : SlaClock.values()) {
                    var target = targets.of(clock, e.priority());
                    if (clocks.start(e.incidentId(), clock, e.priority(), e.occurredAt(), target)) {
                        Instant dueAt = e.occurredAt().plus(target);
                        deadlines.schedule(e.incidentId(), clock, dueAt);
                        outbox.add(new SlaDeadlineSet(e.incidentId(), clock, e.priority(), target, dueAt,
                                e.occurredAt()));
                    }
                }
            }
            case IncidentAcknowledged e -> stop(e.incidentId(), e.occurredAt(), SlaClock.RESPONSE);
            case IncidentResolved e -> stop(e.incidentId(), e.occurredAt(), SlaClock.values());
            case IncidentClosed e -> stop(e.incidentId(), e.occurredAt(), SlaClock.values());
            case IncidentCanceled e -> stop(e.incidentId(), e.occurredAt(), SlaClock.values());
            default -> {
                // the clocks do not depend on the other events yet
            }
        }
    }

    private void stop(UUID incidentId, Instant at, SlaClock... which) {
        for (SlaClock clock : which) {
            if (clocks.stop(incidentId, clock, at)) {
                deadlines.cancel(incidentId, clock);
            }
        }
    }
}
