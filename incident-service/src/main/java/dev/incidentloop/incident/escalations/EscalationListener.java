package dev.incidentloop.incident.escalations;

import dev.incidentloop.events.EscalationKind;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.events.ResolutionUnconfirmed;
import dev.incidentloop.events.Topics;
import dev.incidentloop.incident.lifecycle.AutoClose;
import dev.incidentloop.incident.lifecycle.EscalateToLine;
import dev.incidentloop.kit.deadletter.DeadLetterHandler;
import dev.incidentloop.kit.kafka.KafkaWiring;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns what escalation-service decided about time into commands here (no service calls another):
 * <ul>
 *   <li>the first notification of a functional level that pages a line of support moves the incident to that line's
 *       group (DOMAIN.md section 2, rule "Lines of support"); levels that page no line, hierarchical escalations and
 *       repeated notifications inform people and leave the line as it is. The incident remembers which escalation
 *       levels it applied, so a redelivered event changes nothing;</li>
 *   <li>a resolution that lapsed unconfirmed closes the incident ("Confirmation and closure"), unless it was
 *       confirmed, reopened or resolved again meanwhile; a redelivery finds it closed and changes nothing.</li>
 * </ul>
 */
@Component
class EscalationListener {

    private static final Logger log = LoggerFactory.getLogger(EscalationListener.class);

    private final CommandGateway commands;

    EscalationListener(CommandGateway commands) {
        this.commands = commands;
    }

    @KafkaListener(topics = Topics.ESCALATION_EVENTS_NAME,
            containerFactory = KafkaWiring.EVENT_LISTENER_FACTORY)
    void on(EventEnvelope envelope) {
        Object command = switch (envelope.data()) {
            case IncidentEscalated e when e.kind() == EscalationKind.FUNCTIONAL && e.repeat() == 0
                    && e.supportLine() != null && e.assignmentGroup() != null ->
                    new EscalateToLine(e.incidentId(), e.level(), e.reason(), e.supportLine(), e.assignmentGroup());
            case ResolutionUnconfirmed e -> new AutoClose(e.incidentId(), e.resolvedAt());
            default -> null;
        };
        if (command == null) {
            return;
        }
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException unknown) {
            log.warn("Escalation event {} names incident {}, which does not exist here", envelope.id(),
                    envelope.incidentId());
        }
    }

    /** Its dead letters, processed again on an admin's word (service-kit's DeadLetters). */
    @Bean
    DeadLetterHandler escalationEventsRedrive() {
        EventCodec codec = new EventCodec();
        return new DeadLetterHandler(Topics.ESCALATION_EVENTS, record -> on(codec.decode(record.value())));
    }
}
