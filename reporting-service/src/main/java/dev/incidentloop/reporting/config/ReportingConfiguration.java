package dev.incidentloop.reporting.config;

import dev.incidentloop.events.Topics;
import dev.incidentloop.kit.kafka.ConsumedTopics;
import dev.incidentloop.kit.security.AccessRules;
import dev.incidentloop.kit.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ReportingConfiguration {

    @Bean
    ConsumedTopics consumedTopics() {
        return ConsumedTopics.of(Topics.INCIDENT_EVENTS, Topics.ESCALATION_EVENTS);
    }

    @Bean
    AccessRules reportingRules() {
        return exchanges -> exchanges
                .pathMatchers("/admin/**").hasRole(Role.ADMIN.name())
                .pathMatchers("/sla/**", "/kpi/**").hasRole(Role.ANALYST.name());
    }
}
