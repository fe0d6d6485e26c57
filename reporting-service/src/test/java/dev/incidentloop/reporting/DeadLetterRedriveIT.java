package dev.incidentloop.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Topics;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import dev.incidentloop.testsupport.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A valid event parked because of a bug (here a check the model's table refuses it with) is listed with its reason
 * and first bytes, refused while the bug is there, and processed again once it is fixed, once: what service-kit's
 * {@code /admin/dead-letters} gives every service.
 */
@ServiceIntegrationTest
class DeadLetterRedriveIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DLT = Topics.INCIDENT_EVENTS.deadLetter("reporting-service");

    @Autowired
    WebTestClient web;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_event_parked_for_a_bug_is_listed_refused_while_it_lasts_and_processed_once_it_is_fixed() {
        Story story = Story.reported(Instant.parse("2022-06-01T08:00:00Z"), Category.EMERGENCY);
        jdbc.execute("alter table incident_fact add constraint redrive_test_bug check (category <> 'emergency')");
        Map<String, Object> letter;
        try {
            story.publishTwice();
            letter = await().atMost(WAIT).until(() -> parkedOf(story), found -> found != null);
            assertThat((String) letter.get("reason")).contains("redrive_test_bug");
            assertThat((String) letter.get("firstBytes")).startsWith("{\"specversion\":\"1.0\"")
                    .contains("dev.incidentloop.incident.reported.v2").hasSize(200);
            assertThat((Integer) letter.get("size")).isGreaterThan(200);
            assertThat(letter.get("topic")).isEqualTo(Topics.INCIDENT_EVENTS.name());
            assertThat(letter.get("redrivenAt")).isNull();

            redrive(Map.of("deadLetterTopic", DLT, "partition", letter.get("partition"), "offset",
                    letter.get("offset")))
                    .expectStatus().isEqualTo(422)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                            .contains("still fails").contains("redrive_test_bug"));
            sla(story).expectStatus().isNotFound();
        } finally {
            jdbc.execute("alter table incident_fact drop constraint if exists redrive_test_bug");
        }

        // the bug fixed: every parked record of the topic is taken again; ours goes through
        Map<String, Object> all = redrive(Map.of("deadLetterTopic", DLT)).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult()
                .getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> redriven = (List<Map<String, Object>>) all.get("redriven");
        assertThat(redriven).anySatisfy(r -> {
            assertThat(r.get("offset")).isEqualTo(letter.get("offset"));
            assertThat(r.get("redrivenBy")).isEqualTo(TestUsers.ADMIN);
        });
        sla(story).expectStatus().isOk().expectBody().jsonPath("$.reportedAt")
                .isEqualTo(story.reportedAt.toString());
        assertThat(parkedOf(story).get("redrivenAt")).isNotNull();

        redrive(Map.of("deadLetterTopic", DLT, "partition", letter.get("partition"), "offset", letter.get("offset")))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("processed again").contains(TestUsers.ADMIN));
    }

    @Test
    void a_redrive_names_what_is_missing_or_unknown_and_is_for_admins() {
        redrive(Map.of("partition", 0)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString())
                        .contains("deadLetterTopic").contains("offset"));
        redrive(Map.of("deadLetterTopic", "incident.events.v1.someone-else.dlt")).expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(DLT));
        redrive(Map.of("deadLetterTopic", DLT, "partition", 0, "offset", 1_000_000)).expectStatus().isNotFound();
        web.get().uri("/admin/dead-letters").headers(h -> h.setBasicAuth(TestUsers.ANALYST,
                TestUsers.password(TestUsers.ANALYST))).exchange().expectStatus().isForbidden();
        web.get().uri("/admin/dead-letters?limit=0").headers(this::admin).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
    }

    /** The record of this story parked on the dead-letter topic, as the listing shows it; null if none yet. */
    private Map<String, Object> parkedOf(Story story) {
        Map<String, Object> listing = web.get().uri("/admin/dead-letters?topic=" + DLT + "&limit=1000")
                .headers(this::admin).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult()
                .getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> letters = (List<Map<String, Object>>) listing.get("deadLetters");
        return letters.stream().filter(l -> story.id.toString().equals(l.get("key"))).findFirst().orElse(null);
    }

    private WebTestClient.ResponseSpec redrive(Map<String, Object> body) {
        return web.post().uri("/admin/dead-letters/redrive").headers(this::admin).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec sla(Story story) {
        return web.get().uri("/sla/" + story.id).headers(h -> h.setBasicAuth(TestUsers.ANALYST,
                TestUsers.password(TestUsers.ANALYST))).exchange();
    }

    private void admin(org.springframework.http.HttpHeaders headers) {
        headers.setBasicAuth(TestUsers.ADMIN, TestUsers.password(TestUsers.ADMIN));
    }
}
