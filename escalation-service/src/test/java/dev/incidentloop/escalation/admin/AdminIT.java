package dev.incidentloop.escalation.admin;

import dev.incidentloop.testsupport.ServiceIntegrationTest;
import dev.incidentloop.testsupport.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The admin API for calendars, policies and schedules, and the on-call queries over HTTP. */
@ServiceIntegrationTest
class AdminIT {

    private static final String TARGETS = """
            "targets": {"P1": {"response": "15 minutes", "resolution": "4 hours"},
                        "P2": {"response": "30 minutes", "resolution": "8 business-hours"},
                        "P3": {"response": "2 business-hours", "resolution": "1 working-day"},
                        "P4": {"response": "1 working-day", "resolution": "5 working-days"},
                        "P5": {"response": "2 working-days", "resolution": "10 working-days"}}""";

    @Autowired
    WebTestClient web;

    @Test
    void a_calendar_is_created_read_replaced_and_protected_while_a_policy_uses_it() {
        String calendar = """
                {"zone": "Asia/Shanghai", "weekdays": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"],
                 "hoursFrom": "09:00", "hoursTo": "18:00", "holidays": ["2025-10-01"],
                 "makeUpWorkingDays": ["2025-09-28"]}""";
        put("/admin/calendars/admin-it-cn", calendar).expectStatus().isCreated();
        put("/admin/calendars/admin-it-cn", calendar).expectStatus().isOk();
        admin("/admin/calendars/admin-it-cn").expectStatus().isOk().expectBody()
                .jsonPath("$.zone").isEqualTo("Asia/Shanghai")
                .jsonPath("$.hoursFrom").isEqualTo("09:00:00")
                .jsonPath("$.makeUpWorkingDays[0]").isEqualTo("2025-09-28");
        admin("/admin/calendars").expectStatus().isOk().expectBody().jsonPath("$[?(@ == 'admin-it-cn')]").exists();

        put("/admin/policies/hse-accident", "{\"calendar\": \"admin-it-cn\", " + TARGETS + "}")
                .expectStatus().is2xxSuccessful();
        delete("/admin/calendars/admin-it-cn").expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        delete("/admin/policies/hse-accident").expectStatus().isNoContent();
        delete("/admin/calendars/admin-it-cn").expectStatus().isNoContent();
        admin("/admin/calendars/admin-it-cn").expectStatus().isNotFound();
    }

    @Test
    void invalid_documents_are_refused_with_every_fault_named() {
        put("/admin/calendars/broken", """
                {"zone": "UTC", "weekdays": [], "hoursFrom": "18:00", "hoursTo": "09:00"}""")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("weekdays")
                .jsonPath("$.errors[1].field").isEqualTo("hoursTo");
        put("/admin/calendars/broken", "{\"zone\": \"Mars/Olympus\", \"weekdays\": [\"MONDAY\"]}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("zone");
        put("/admin/calendars/24x7", "{\"zone\": \"UTC\", \"weekdays\": [\"MONDAY\"]}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        put("/admin/policies/gossip", "{" + TARGETS + "}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        put("/admin/policies/it-service", "{\"calendar\": \"nowhere\", " + TARGETS + "}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("calendar");
        put("/admin/policies/it-service", """
                {"targets": {"P1": {"response": "soon", "resolution": "4 hours"}}}""")
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("targets.P1.response");
        put("/admin/policies/it-service", "{\"targets\": {}, \"functional\": [{\"after\": \"0 minutes\"}]}")
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("targets.P1")
                .jsonPath("$.errors[5].field").isEqualTo("functional[0].recipients");
        admin("/admin/policies/it-service").expectStatus().isNotFound();
    }

    @Test
    void only_admins_manage_policies() {
        web.put().uri("/admin/policies/default")
                .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isForbidden();
        web.get().uri("/admin/policies").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void who_is_on_call_and_the_next_shifts() {
        put("/admin/schedules/admin-it-network", """
                {"zone": "Europe/Berlin",
                 "layers": [{"name": "base", "start": "2026-03-02T09:00", "rotation": "weekly",
                             "participants": ["anna", "bernd"]},
                            {"name": "office", "start": "2026-03-02T09:00", "rotation": "daily",
                             "participants": ["dora", "emil"],
                             "restriction": {"weekdays": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"],
                                             "from": "09:00", "to": "17:00"}}],
                 "overrides": [{"user": "felix", "from": "2026-03-03T11:00:00Z", "to": "2026-03-03T13:00:00Z"}]}""")
                .expectStatus().isCreated();

        responder("/oncall/admin-it-network?at=2026-03-02T10:00:00Z").expectStatus().isOk().expectBody()
                .jsonPath("$.user").isEqualTo("dora").jsonPath("$.source").isEqualTo("office");
        responder("/oncall/admin-it-network?at=2026-03-03T12:00:00Z").expectStatus().isOk().expectBody()
                .jsonPath("$.user").isEqualTo("felix").jsonPath("$.source").isEqualTo("override");
        responder("/oncall/admin-it-network/shifts?from=2026-03-02T07:00:00Z&count=3").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].user").isEqualTo("bernd")
                .jsonPath("$[0].end").isEqualTo("2026-03-02T08:00:00Z")
                .jsonPath("$[1].user").isEqualTo("dora")
                .jsonPath("$[2].user").isEqualTo("anna");
        responder("/oncall/no-such-team").expectStatus().isNotFound();
        responder("/oncall/admin-it-network/shifts?count=0").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("count");
        put("/admin/schedules/admin-it-broken", "{\"zone\": \"UTC\", \"layers\": []}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("layers");
    }

    private WebTestClient.ResponseSpec put(String uri, String json) {
        return web.put().uri(uri).headers(h -> h.setBasicAuth(TestUsers.ADMIN, TestUsers.password(TestUsers.ADMIN)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private WebTestClient.ResponseSpec admin(String uri) {
        return web.get().uri(uri).headers(h -> h.setBasicAuth(TestUsers.ADMIN, TestUsers.password(TestUsers.ADMIN)))
                .exchange();
    }

    private WebTestClient.ResponseSpec delete(String uri) {
        return web.delete().uri(uri)
                .headers(h -> h.setBasicAuth(TestUsers.ADMIN, TestUsers.password(TestUsers.ADMIN))).exchange();
    }

    private WebTestClient.ResponseSpec responder(String uri) {
        return web.get().uri(uri)
                .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                .exchange();
    }
}
