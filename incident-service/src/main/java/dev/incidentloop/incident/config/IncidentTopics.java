package dev.incidentloop.incident.config;

import dev.incidentloop.events.Topics;
import dev.incidentloop.kit.kafka.ConsumedTopics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class IncidentTopics {

    @Bean
    ConsumedTopics consumedTopics() {
        return ConsumedTopics.of(Topics.INTAKE, Topics.ESCALATION_EVENTS);
    }
}
