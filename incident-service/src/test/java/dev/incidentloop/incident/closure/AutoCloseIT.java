package dev.incidentloop.incident.closure;

import static org.awaitility.Awaitility.await;

import dev.incidentloop.testsupport.ServiceIntegrationTest;
import dev.incidentloop.testsupport.TestUsers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A resolved incident nobody confirms is closed by the system after the configured working days. */
@ServiceIntegrationTest
// closed afterwards: with its clock moved on, it would auto-close what other test classes resolve
@DirtiesContext
@TestPropertySource(properties = {"incident.auto-close.after-working-days=2", "incident.auto-close.check-every=200ms"})
class AutoCloseIT {

    /** The service's clock, which this test moves forward. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Autowired
    WebTestClient web;

    @Autowired
    MovableClock clock;

    @Test
    void an_unconfirmed_resolution_is_closed_after_the_working_days_and_a_confirmed_one_is_left_alone() {
        String unconfirmed = report();
        String reopened = report();
        post(TestUsers.RESPONDER, unconfirmed + "/resolve", Map.of("resolutionCode", "fixed"));
        post(TestUsers.RESPONDER, reopened + "/resolve", Map.of("resolutionCode", "fixed"));
        post(TestUsers.REPORTER, reopened + "/reject", Map.of("reason", "not fixed"));

        // two working days are at most four calendar days (a weekend in between), and then some
        clock.advance(Duration.ofDays(5));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get(unconfirmed)
                .jsonPath("$.state").isEqualTo("CLOSED").jsonPath("$.closedBy").isEqualTo("system"));
        get(reopened).jsonPath("$.state").isEqualTo("IN_PROGRESS");
    }

    private String report() {
        return web.post().uri("/incidents")
                .headers(h -> h.setBasicAuth(TestUsers.REPORTER, TestUsers.password(TestUsers.REPORTER)))
                .bodyValue(Map.of("title", "Laptop battery swells", "category", "it-service", "impact", 3,
                        "urgency", 2))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("incidentId").toString();
    }

    private void post(String user, String path, Object body) {
        web.post().uri("/incidents/" + path).headers(h -> h.setBasicAuth(user, TestUsers.password(user)))
                .bodyValue(body).exchange().expectStatus().isOk();
    }

    private WebTestClient.BodyContentSpec get(String id) {
        return web.get().uri("/incidents/" + id)
                .headers(h -> h.setBasicAuth(TestUsers.REPORTER, TestUsers.password(TestUsers.REPORTER)))
                .exchange().expectStatus().isOk().expectBody();
    }
}
