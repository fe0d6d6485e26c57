package dev.incidentloop.notification.config;

import dev.incidentloop.events.Topics;
import dev.incidentloop.kit.kafka.ConsumedTopics;
import dev.incidentloop.kit.security.AccessRules;
import dev.incidentloop.kit.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration
class NotificationConfiguration {

    @Bean
    ConsumedTopics consumedTopics() {
        return ConsumedTopics.of(Topics.INCIDENT_EVENTS, Topics.ESCALATION_EVENTS);
    }

    @Bean
    AccessRules feedRules() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/console", "/console/**").permitAll()
                .pathMatchers("/feed", "/feed/**").hasRole(Role.RESPONDER.name())
                .pathMatchers("/webhooks", "/webhooks/**").hasRole(Role.ADMIN.name());
    }
}
