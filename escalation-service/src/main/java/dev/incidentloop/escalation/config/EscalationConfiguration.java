package dev.incidentloop.escalation.config;

import dev.incidentloop.events.Topics;
import dev.incidentloop.kit.kafka.ConsumedTopics;
import dev.incidentloop.kit.security.AccessRules;
import dev.incidentloop.kit.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration
class EscalationConfiguration {

    @Bean
    ConsumedTopics consumedTopics() {
        return ConsumedTopics.of(Topics.INCIDENT_EVENTS);
    }

    @Bean
    AccessRules escalationRules() {
        return exchanges -> exchanges
                .pathMatchers("/admin/**").hasRole(Role.ADMIN.name())
                .pathMatchers(HttpMethod.GET, "/clocks/**", "/oncall/**", "/deadlines/**")
                .hasAnyRole(Role.RESPONDER.name(), Role.ANALYST.name())
                .pathMatchers(HttpMethod.POST, "/escalations/**", "/deadlines/**").hasRole(Role.RESPONDER.name());
    }
}
