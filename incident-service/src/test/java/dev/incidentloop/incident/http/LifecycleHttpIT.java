package dev.incidentloop.incident.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentloop.testsupport.ServiceIntegrationTest;
import dev.incidentloop.testsupport.TestUsers;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The lifecycle and the categories over HTTP, as people use them. */
@ServiceIntegrationTest
class LifecycleHttpIT {

    @Autowired
    WebTestClient web;

    @Test
    void an_hse_accident_is_graded_on_report() {
        var view = as(TestUsers.REPORTER, web.post().uri("/incidents")).bodyValue(Map.of(
                        "title", "Forklift overturned in hall 3", "category", "hse-accident",
                        "classification", Map.of("kind", "hse-accident", "accidentType", "casualty", "deaths", 0,
                                "seriousInjuries", 10, "directLossCny", 80_000)))
                .exchange().expectStatus().isCreated()
                .expectBody(IncidentView.class).returnResult().getResponseBody();

        assertThat(view.category().wireName()).isEqualTo("hse-accident");
        assertThat(view.priority().name()).isEqualTo("P1");
        assertThat(view.classification().toString()).contains("grade=MAJOR");
    }

    @Test
    void a_report_of_a_category_without_its_classification_names_the_missing_field() {
        as(TestUsers.REPORTER, web.post().uri("/incidents"))
                .bodyValue(Map.of("title", "Chemical spill", "category", "ehs-recordable"))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("classification");
    }

    @Test
    void assign_hold_resume_resolve_and_the_reporter_confirms_with_satisfaction() {
        UUID id = report("VPN drops every hour");
        post(TestUsers.RESPONDER, id, "acknowledge", null).expectStatus().isOk();
        post(TestUsers.RESPONDER, id, "assign", Map.of("assignmentGroup", "network", "assignee", "wang.fang",
                "supportLine", "second")).expectStatus().isOk()
                .expectBody().jsonPath("$.supportLine").isEqualTo("second").jsonPath("$.reassignments").isEqualTo(0);
        post(TestUsers.RESPONDER, id, "hold", Map.of("reason", "awaiting-vendor")).expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("ON_HOLD").jsonPath("$.holdReason")
                .isEqualTo("awaiting-vendor");
        post(TestUsers.RESPONDER, id, "resume", null).expectStatus().isOk();
        post(TestUsers.RESPONDER, id, "links", Map.of("linkType", "problem", "reference", "PRB0042"))
                .expectStatus().isOk().expectBody().jsonPath("$.links[0].reference").isEqualTo("PRB0042");
        post(TestUsers.RESPONDER, id, "resolve", Map.of("resolutionCode", "firmware-update",
                "supportLine", "second", "fixType", "permanent")).expectStatus().isOk()
                .expectBody().jsonPath("$.resolvedAtLine").isEqualTo("second");

        post(TestUsers.REPORTER, id, "confirm", Map.of("satisfaction", 4, "comment", "thanks"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("CLOSED").jsonPath("$.satisfaction").isEqualTo(4)
                .jsonPath("$.allowedCommands").isEmpty();
    }

    @Test
    void a_rejected_resolution_reopens_and_counts_and_a_reopened_incident_can_be_resolved_again() {
        UUID id = report("Printer jams");
        post(TestUsers.RESPONDER, id, "resolve", Map.of("resolutionCode", "cleaned")).expectStatus().isOk();

        post(TestUsers.REPORTER, id, "reject", Map.of("reason", "jams again")).expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("IN_PROGRESS").jsonPath("$.reopenCount").isEqualTo(1);
        post(TestUsers.RESPONDER, id, "resolve", Map.of("resolutionCode", "roller-replaced")).expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("RESOLVED");
    }

    @Test
    void only_the_reporter_or_a_responder_for_them_answers_a_resolution_and_the_history_says_for_whom() {
        UUID id = as(TestUsers.RESPONDER, web.post().uri("/incidents"))
                .bodyValue(Map.of("title", "Badge reader offline", "category", "it-service", "impact", 3, "urgency", 3))
                .exchange().expectStatus().isCreated()
                .expectBody(IncidentView.class).returnResult().getResponseBody().incidentId();
        post(TestUsers.RESPONDER, id, "resolve", Map.of("resolutionCode", "rebooted")).expectStatus().isOk();

        post(TestUsers.REPORTER, id, "confirm", Map.of("satisfaction", 5)).expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Not the reporter")
                .jsonPath("$.detail").isEqualTo(
                        "Only the reporter (responder) or a responder for them may confirm the resolution");
        post(TestUsers.REPORTER, id, "reject", Map.of("reason", "not mine to say")).expectStatus().isForbidden();

        // the admin, who works incidents too, records the reporter's answer after calling them back
        post(TestUsers.ADMIN, id, "confirm", Map.of("satisfaction", 5, "comment", "by phone")).expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("CLOSED");
        as(TestUsers.ANALYST, web.get().uri("/incidents/" + id + "/history")).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.type == 'dev.incidentloop.incident.resolution-confirmed.v2')].actor").isEqualTo("admin")
                .jsonPath("$[?(@.type == 'dev.incidentloop.incident.resolution-confirmed.v2')].event.onBehalfOf")
                .isEqualTo("responder");
    }

    @Test
    void confirming_needs_a_satisfaction_of_1_to_5_and_only_a_resolved_incident_can_be_confirmed() {
        UUID id = report("Monitor flickers");
        post(TestUsers.REPORTER, id, "confirm", Map.of("satisfaction", 4)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.state").isEqualTo("NEW");
        post(TestUsers.RESPONDER, id, "resolve", Map.of("resolutionCode", "cable")).expectStatus().isOk();
        post(TestUsers.REPORTER, id, "confirm", Map.of("satisfaction", 7)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("satisfaction");
    }

    @Test
    void canceling_as_a_duplicate_needs_the_original_and_then_nothing_more_happens() {
        UUID original = report("Mail down");
        UUID duplicate = report("Mail down (again)");

        post(TestUsers.RESPONDER, duplicate, "cancel", Map.of("reason", "duplicate")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("duplicateOf");
        post(TestUsers.RESPONDER, duplicate, "cancel", Map.of("reason", "duplicate", "duplicateOf", original))
                .expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("CANCELED");
        post(TestUsers.RESPONDER, duplicate, "notes", Map.of("text", "late")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.allowedCommands").isEmpty();
    }

    @Test
    void reclassifying_records_the_new_priority_and_the_reason() {
        UUID id = report("Slow intranet");
        post(TestUsers.RESPONDER, id, "reclassify", Map.of("reason", "whole site affected",
                "category", "it-service", "impact", 1, "urgency", 1)).expectStatus().isOk()
                .expectBody().jsonPath("$.priority").isEqualTo("P1");
        post(TestUsers.RESPONDER, id, "reclassify", Map.of("category", "it-service", "impact", 1, "urgency", 1))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
    }

    @Test
    void search_filters_by_state_category_priority_group_and_text_with_paging() {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 8);
        UUID first = report("Badge reader " + marker);
        report("Badge printer " + marker);
        post(TestUsers.RESPONDER, first, "assign", Map.of("assignmentGroup", "facilities-" + marker,
                "supportLine", "first")).expectStatus().isOk();

        search("q=" + marker).jsonPath("$.total").isEqualTo(2);
        search("q=" + marker + "&group=facilities-" + marker).jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].incidentId").isEqualTo(first.toString());
        search("q=" + marker + "&state=NEW&category=it-service&priority=P3&size=1&page=1")
                .jsonPath("$.total").isEqualTo(2).jsonPath("$.items.length()").isEqualTo(1);
        as(TestUsers.REPORTER, web.get().uri("/incidents?size=1000")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        as(TestUsers.REPORTER, web.get().uri("/incidents?priority=P9")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("priority");
    }

    @Test
    void a_reported_incident_is_found_by_search_as_soon_as_its_report_is_answered() {
        for (int i = 0; i < 20; i++) {
            String marker = "zr" + UUID.randomUUID().toString().substring(0, 8);
            UUID id = report("Scanner jam " + marker);
            search("q=" + marker).jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].incidentId")
                    .isEqualTo(id.toString());
        }
    }

    private WebTestClient.BodyContentSpec search(String query) {
        return as(TestUsers.ANALYST, web.get().uri("/incidents?" + query)).exchange().expectStatus().isOk()
                .expectBody();
    }

    private UUID report(String title) {
        return as(TestUsers.REPORTER, web.post().uri("/incidents"))
                .bodyValue(Map.of("title", title, "category", "it-service", "impact", 2, "urgency", 2))
                .exchange().expectStatus().isCreated()
                .expectBody(IncidentView.class).returnResult().getResponseBody().incidentId();
    }

    private WebTestClient.ResponseSpec post(String user, UUID id, String command, Object body) {
        var request = as(user, web.post().uri("/incidents/" + id + "/" + command));
        return (body == null ? request : request.bodyValue(body)).exchange();
    }

    private <S extends WebTestClient.RequestHeadersSpec<?>> S as(String user, S spec) {
        spec.headers(h -> h.setBasicAuth(user, TestUsers.password(user)));
        return spec;
    }
}
