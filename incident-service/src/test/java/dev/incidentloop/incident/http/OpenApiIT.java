package dev.incidentloop.incident.http;

import dev.incidentloop.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@ServiceIntegrationTest
class OpenApiIT {

    @Autowired
    WebTestClient web;

    @Test
    void the_service_describes_its_http_api() {
        web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("incident-service")
                .jsonPath("$.paths['/incidents'].post").exists()
                .jsonPath("$.paths['/incidents/{id}/history'].get").exists()
                .jsonPath("$.paths['/incidents/{id}/acknowledge'].post.parameters[?(@.name == 'If-Match')]").exists()
                .jsonPath("$.components.securitySchemes.basic.scheme").isEqualTo("basic");
    }
}
