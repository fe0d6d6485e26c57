package dev.incidentloop.incident.assignment;

import dev.incidentloop.events.EscalationKind;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.incident.lifecycle.EscalateToNextLine;
import dev.incidentloop.kit.kafka.KafkaWiring;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * escalation-service decides that an incident is escalated; this turns a functional escalation's first notification
 * of a level into a command here, so that the incident moves to the next line of support (hierarchical escalations
 * and repeated notifications inform people and leave the line as it is). No service calls another. The incident remembers which escalation
 * levels it applied, so a redelivered event changes nothing.
 */
@Component
class EscalationListener {

    private static final Logger log = LoggerFactory.getLogger(EscalationListener.class);

    private final CommandGateway commands;
    private final LineGroups groups;

    EscalationListener(CommandGateway commands, LineGroups groups) {
        this.commands = commands;
        this.groups = groups;
    }

    @KafkaListener(topics = "#{T(dev.incidentloop.events.Topics).ESCALATION_EVENTS.name()}",
            containerFactory = KafkaWiring.EVENT_LISTENER_FACTORY)
    void on(EventEnvelope envelope) {
        if (envelope.data() instanceof IncidentEscalated escalated && escalated.kind() == EscalationKind.FUNCTIONAL
                && escalated.repeat() == 0) {
            try {
                commands.sendAndWait(new EscalateToNextLine(escalated.incidentId(), escalated.level(),
                        escalated.reason(), groups.lineGroups()));
            } catch (AggregateNotFoundException unknown) {
                log.warn("Escalation {} names incident {}, which does not exist here", envelope.id(),
                        escalated.incidentId());
            }
        }
    }
}
