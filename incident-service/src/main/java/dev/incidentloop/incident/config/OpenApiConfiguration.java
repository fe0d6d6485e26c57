package dev.incidentloop.incident.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The description springdoc serves at /v3/api-docs (and as a page at /swagger-ui.html). */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI incidentApi() {
        return new OpenAPI()
                .info(new Info().title("incident-service").version("v1")
                        .description("Report incidents and move them through their lifecycle. Every answer carries "
                                + "the incident's version as ETag; send it back as If-Match to change only that "
                                + "version. Errors are application/problem+json."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic"))
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
