package dev.incidentloop.incident.intake;

import dev.incidentloop.events.IntakeReport;
import dev.incidentloop.incident.lifecycle.ReportIncident;
import dev.incidentloop.kit.kafka.KafkaWiring;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns reports that other systems publish on the intake topic into incidents. An invalid record is dead-lettered
 * (by the kit's error handler) and the next one is processed. A report seen before (redelivered, or published
 * twice) maps to the same incident id, and the event store refuses to create it again.
 */
@Component
class IntakeListener {

    private static final Logger log = LoggerFactory.getLogger(IntakeListener.class);

    private final IntakeValidator validator;
    private final CommandGateway commands;

    IntakeListener(IntakeValidator validator, CommandGateway commands) {
        this.validator = validator;
        this.commands = commands;
    }

    @KafkaListener(topics = "#{T(dev.incidentloop.events.Topics).INTAKE.name()}",
            containerFactory = KafkaWiring.RAW_LISTENER_FACTORY)
    void onReport(ConsumerRecord<String, byte[]> record) {
        IntakeReport report = validator.parse(record.value());
        UUID incidentId = incidentId(report);
        try {
            commands.sendAndWait(new ReportIncident(incidentId, report.title(), report.description(),
                    report.category(), report.impact(), report.urgency(), report.reportedBy(),
                    "intake:" + report.source()));
        } catch (AggregateStreamCreationException duplicate) {
            log.info("Report {} from {} is already incident {}; not created again",
                    report.reportId(), report.source(), incidentId);
        }
    }

    /** The same report always gets the same incident id: a name-based UUID of source and report id. */
    static UUID incidentId(IntakeReport report) {
        String name = "intake:" + report.source() + ":" + report.reportId();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
