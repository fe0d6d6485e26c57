package dev.incidentloop.incident.config;

import dev.incidentloop.kit.security.AccessRules;
import dev.incidentloop.kit.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration
class IncidentAccessRules {

    @Bean
    AccessRules incidentRules() {
        return exchanges -> exchanges
                // the API description is public, like the API's documentation would be
                .pathMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                        "/webjars/swagger-ui/**").permitAll()
                .pathMatchers(HttpMethod.POST, "/incidents").hasRole(Role.REPORTER.name())
                .pathMatchers(HttpMethod.GET, "/incidents/**").hasAnyRole(Role.REPORTER.name(), Role.ANALYST.name())
                // the reporter answers the call-back: accepts the resolution or rejects it
                .pathMatchers(HttpMethod.POST, "/incidents/*/confirm", "/incidents/*/reject")
                .hasRole(Role.REPORTER.name())
                .pathMatchers(HttpMethod.POST, "/incidents/*/**").hasRole(Role.RESPONDER.name());
    }
}
