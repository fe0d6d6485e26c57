package dev.incidentloop.reporting.config;

import dev.incidentloop.events.Topics;
import dev.incidentloop.kit.kafka.ConsumedTopics;
import dev.incidentloop.kit.security.AccessRules;
import dev.incidentloop.kit.security.Role;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration
class ReportingConfiguration {

    @Bean
    ConsumedTopics consumedTopics() {
        return ConsumedTopics.of(Topics.INCIDENT_EVENTS, Topics.ESCALATION_EVENTS);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AccessRules reportingRules() {
        return exchanges -> exchanges
                .pathMatchers("/admin/**").hasRole(Role.ADMIN.name())
                .pathMatchers(HttpMethod.GET, "/webjars/uplot/**").permitAll()
                .pathMatchers("/sla/**", "/kpi/**", "/reports/**").hasRole(Role.ANALYST.name());
    }
}
