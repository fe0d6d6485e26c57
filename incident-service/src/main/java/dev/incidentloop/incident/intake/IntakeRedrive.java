package dev.incidentloop.incident.intake;

import dev.incidentloop.events.Topics;
import dev.incidentloop.kit.deadletter.DeadLetterHandler;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Intake's dead letters, taken again on an admin's word (service-kit's DeadLetters) once the check that refused them
 * is fixed. Intake is an inbox, not a history: a record is checked here first (one still refused fails at once, with
 * the reason), then published again to the intake topic under its key, where it is read like any report; its dedup key
 * and report id make a report that did get in meanwhile count once.
 */
@Configuration
class IntakeRedrive {

    @Bean
    DeadLetterHandler intakeDeadLetters(IntakeValidator validator, KafkaTemplate<String, Object> kafka) {
        return new DeadLetterHandler(Topics.INTAKE, record -> {
            validator.parse(record.value());
            kafka.send(Topics.INTAKE.name(), record.key(), record.value()).get(30, TimeUnit.SECONDS);
        });
    }
}
