package dev.incidentloop.escalation.regulatory;

import static dev.incidentloop.escalation.EscalationStreams.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.incidentloop.escalation.EscalationStreams;
import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.EscalationKind;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.events.FixType;
import dev.incidentloop.events.IncidentReclassified;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.SupportLine;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.RegulatoryDeadlineMet;
import dev.incidentloop.events.RegulatoryDeadlineMissed;
import dev.incidentloop.events.RegulatoryDeadlineSet;
import dev.incidentloop.events.SecurityKind;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import dev.incidentloop.testsupport.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * DOMAIN.md section 3, rule "Deadlines" (information security) and section 5, rule "Deadlines" (EHS), each met and
 * missed. The test profile shortens the leadership deadline to 2 seconds and the disposal plan to 3.
 */
@ServiceIntegrationTest
class RegulatoryIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    WebTestClient web;

    @BeforeEach
    void policies() {
        String targets = """
                "targets": {"P1": {"response": "1 hours", "resolution": "8 hours"},
                            "P2": {"response": "1 hours", "resolution": "8 hours"},
                            "P3": {"response": "1 hours", "resolution": "8 hours"},
                            "P4": {"response": "1 hours", "resolution": "8 hours"},
                            "P5": {"response": "1 hours", "resolution": "8 hours"}}""";
        put("/admin/policies/information-security", "{" + targets + """
                , "hierarchical": [{"after": "0 minutes", "recipients": [{"user": "ciso.huang"}]}]}""");
        // China's 2025 National Day holiday, as test data: 1-8 October off, 28 September and 11 October worked
        put("/admin/calendars/regulatory-cn", """
                {"zone": "Asia/Shanghai", "weekdays": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"],
                 "holidays": ["2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05", "2025-10-06",
                              "2025-10-07", "2025-10-08"],
                 "makeUpWorkingDays": ["2025-09-28", "2025-10-11"]}""");
        put("/admin/policies/ehs-recordable", "{\"calendar\": \"regulatory-cn\", " + targets + "}");
    }

    @Test
    void security_a_late_report_is_missed_a_leadership_call_in_time_is_met_and_a_missing_plan_escalates() {
        UUID incident = UUID.randomUUID();
        Instant reported = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(new IncidentReported(incident, "Ransomware on file server", null, Category.INFORMATION_SECURITY,
                        "li.wei", "http", reported),
                security(incident, reported.minus(Duration.ofHours(5)), false, Priority.P2, reported));

        try (var stream = new EscalationStreams()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.of(incident, RegulatoryDeadlineSet.class)
                    .size() == 3);
            assertThat(stream.of(incident, RegulatoryDeadlineSet.class))
                    .extracting(RegulatoryDeadlineSet::deadline, RegulatoryDeadlineSet::dueAt).containsExactly(
                            tuple("security-report", reported.minus(Duration.ofHours(1))),
                            tuple("security-leadership-informed", reported.plusSeconds(2)),
                            tuple("security-disposal-plan", reported.plusSeconds(3)));
            // detected five hours before the report: the 4-hour report deadline was missed when it was filed
            assertThat(stream.of(incident, RegulatoryDeadlineMissed.class)).singleElement().satisfies(m -> {
                assertThat(m.deadline()).isEqualTo("security-report");
                assertThat(m.fulfilledAt()).isEqualTo(reported);
            });

            fulfil(incident, "security-leadership-informed").expectStatus().isOk().expectBody()
                    .jsonPath("$.fulfilledBy").isEqualTo(TestUsers.RESPONDER)
                    .jsonPath("$.note").isEqualTo("Phoned the CISO");
            fulfil(incident, "security-leadership-informed").expectStatus().isEqualTo(409);
            fulfil(incident, "no-such-deadline").expectStatus().isNotFound();

            await().atMost(Duration.ofSeconds(30)).until(() -> stream.of(incident, RegulatoryDeadlineMissed.class)
                    .size() == 2 && !stream.of(incident, IncidentEscalated.class).isEmpty());
            assertThat(stream.of(incident, RegulatoryDeadlineMet.class)).singleElement()
                    .extracting(RegulatoryDeadlineMet::deadline, RegulatoryDeadlineMet::by)
                    .containsExactly("security-leadership-informed", TestUsers.RESPONDER);
            assertThat(stream.of(incident, RegulatoryDeadlineMissed.class).get(1).deadline())
                    .isEqualTo("security-disposal-plan");
            assertThat(stream.of(incident, IncidentEscalated.class)).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(EscalationKind.HIERARCHICAL);
                assertThat(e.reason()).isEqualTo("regulatory");
                assertThat(e.recipients()).containsExactly("ciso.huang");
            });
        }
        web.get().uri("/deadlines/" + incident)
                .headers(h -> h.setBasicAuth(TestUsers.ANALYST, TestUsers.password(TestUsers.ANALYST)))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].name").isEqualTo("security-report")
                .jsonPath("$[0].status").isEqualTo("missed")
                .jsonPath("$[1].status").isEqualTo("met")
                .jsonPath("$[2].status").isEqualTo("missed");
    }

    @Test
    void security_a_plan_proposed_in_time_is_met_and_a_leadership_not_informed_is_missed() {
        UUID incident = UUID.randomUUID();
        Instant reported = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(new IncidentReported(incident, "Phishing wave", null, Category.INFORMATION_SECURITY, "li.wei",
                "http", reported), security(incident, reported.minus(Duration.ofMinutes(30)), false, Priority.P3,
                reported));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get().uri("/deadlines/" + incident)
                .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                .exchange().expectBody().jsonPath("$.length()").isEqualTo(3));

        fulfil(incident, "security-disposal-plan").expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("met");
        try (var stream = new EscalationStreams()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.of(incident, RegulatoryDeadlineMissed.class)
                    .size() == 1);
            assertThat(stream.of(incident, RegulatoryDeadlineMissed.class).get(0).deadline())
                    .isEqualTo("security-leadership-informed");
            // reported 30 minutes after detection: within 4 hours
            assertThat(stream.of(incident, RegulatoryDeadlineMet.class)).extracting(RegulatoryDeadlineMet::deadline)
                    .containsExactlyInAnyOrder("security-report", "security-disposal-plan");
        }
    }

    @Test
    void security_a_major_incident_reported_within_24_hours_of_detection_meets_its_report_deadline() {
        UUID incident = UUID.randomUUID();
        Instant reported = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(new IncidentReported(incident, "Customer data leaked", null, Category.INFORMATION_SECURITY, "li.wei",
                "http", reported), security(incident, reported.minus(Duration.ofHours(5)), true, Priority.P1, reported));

        try (var stream = new EscalationStreams()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !stream.of(incident, RegulatoryDeadlineMet.class)
                    .isEmpty());
            assertThat(stream.of(incident, RegulatoryDeadlineMet.class).get(0))
                    .extracting(RegulatoryDeadlineMet::deadline, RegulatoryDeadlineMet::dueAt)
                    .containsExactly("security-major-report", reported.plus(Duration.ofHours(19)));
            assertThat(stream.of(incident, RegulatoryDeadlineSet.class)).extracting(RegulatoryDeadlineSet::deadline)
                    .doesNotContain("security-report");
        }
    }

    /** DOMAIN.md section 2, rule "Escalation": management is told when an incident is classified as major. */
    @Test
    void escalation_a_major_incident_starts_the_hierarchical_chain_at_its_classification() {
        UUID incident = UUID.randomUUID();
        Instant reported = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(new IncidentReported(incident, "Database exfiltrated", null, Category.INFORMATION_SECURITY, "li.wei",
                "http", reported), security(incident, reported, true, Priority.P2, reported));

        try (var stream = new EscalationStreams()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !stream.of(incident, IncidentEscalated.class)
                    .isEmpty());
            assertThat(stream.of(incident, IncidentEscalated.class).getFirst()).satisfies(e -> {
                assertThat(e.kind()).isEqualTo(EscalationKind.HIERARCHICAL);
                // at the classification, not once a deadline was missed (that chain would say "regulatory")
                assertThat(e.reason()).isEqualTo("major");
                assertThat(e.recipients()).containsExactly("ciso.huang");
            });
        }
    }

    /** DOMAIN.md section 3, rule "Deadlines": the obligations run until done, whatever the incident's state. */
    @Test
    void security_obligations_outlive_an_incident_resolved_before_them() {
        UUID incident = UUID.randomUUID();
        Instant reported = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(new IncidentReported(incident, "Malware on one laptop", null, Category.INFORMATION_SECURITY, "li.wei",
                        "http", reported), security(incident, reported, false, Priority.P3, reported),
                new IncidentResolved(incident, "li.wei", "contained", "laptop reimaged", SupportLine.FIRST,
                        FixType.PERMANENT, reported.plusMillis(500)));

        try (var stream = new EscalationStreams()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.of(incident, RegulatoryDeadlineMissed.class)
                    .size() == 2 && !stream.of(incident, IncidentEscalated.class).isEmpty());
            assertThat(stream.of(incident, RegulatoryDeadlineMissed.class)).extracting(RegulatoryDeadlineMissed::deadline)
                    .containsExactly("security-leadership-informed", "security-disposal-plan");
            assertThat(stream.of(incident, IncidentEscalated.class).getFirst()).satisfies(e -> {
                assertThat(e.kind()).isEqualTo(EscalationKind.HIERARCHICAL);
                assertThat(e.reason()).isEqualTo("regulatory");
            });
        }
    }

    /** DOMAIN.md sections 3 and 5, rule "Deadlines": a reclassification adds what now applies and drops nothing. */
    @Test
    void reclassification_adds_the_obligations_of_the_new_classification() {
        UUID itIncident = UUID.randomUUID();
        UUID securityIncident = UUID.randomUUID();
        UUID ehsEvent = UUID.randomUUID();
        Instant reported = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant later = reported.plusMillis(300);
        publish(new IncidentReported(itIncident, "Odd logins on the VPN", null, Category.IT_SERVICE, "li.wei", "http",
                        reported),
                new IncidentClassified(itIncident, Category.IT_SERVICE, new Classification.ItService(2, 2),
                        Priority.P3, "li.wei", reported),
                new IncidentReclassified(itIncident, Category.INFORMATION_SECURITY, security(itIncident,
                        reported, false, Priority.P3, later).classification(), Priority.P3, Priority.P3,
                        "credential stuffing", "li.wei", later));
        publish(new IncidentReported(securityIncident, "Phishing click", null, Category.INFORMATION_SECURITY,
                        "li.wei", "http", reported),
                security(securityIncident, reported, false, Priority.P3, reported),
                new IncidentReclassified(securityIncident, Category.INFORMATION_SECURITY, security(securityIncident,
                        reported, true, Priority.P1, later).classification(), Priority.P1, Priority.P3,
                        "payroll data taken", "li.wei", later));
        publish(new IncidentReported(ehsEvent, "Pallet fell", null, Category.EHS_RECORDABLE, "li.wei", "http",
                        reported),
                new IncidentClassified(ehsEvent, Category.EHS_RECORDABLE, new Classification.EhsRecordable(20_000L,
                        false, 2), Priority.P4, "li.wei", reported),
                new IncidentReclassified(ehsEvent, Category.EHS_RECORDABLE, new Classification.EhsRecordable(45_000L,
                        true, 3), Priority.P3, Priority.P4, "the rack is lost too", "li.wei", later));

        try (var stream = new EscalationStreams()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.of(itIncident, RegulatoryDeadlineSet.class)
                    .size() == 3 && stream.of(securityIncident, RegulatoryDeadlineSet.class).size() == 4
                    && stream.of(ehsEvent, RegulatoryDeadlineSet.class).size() == 2);
            // receipt by the security department is the reclassification; the IT report did not reach it
            assertThat(stream.of(itIncident, RegulatoryDeadlineSet.class)).extracting(RegulatoryDeadlineSet::deadline,
                    RegulatoryDeadlineSet::dueAt).containsExactly(
                    tuple("security-report", reported.plus(Duration.ofHours(4))),
                    tuple("security-leadership-informed", later.plusSeconds(2)),
                    tuple("security-disposal-plan", later.plusSeconds(3)));
            assertThat(stream.of(itIncident, RegulatoryDeadlineMet.class)).isEmpty();
            // upgraded to major: the 4-hour report stays met, the 24-hour major-incident report is added
            assertThat(stream.of(securityIncident, RegulatoryDeadlineSet.class))
                    .extracting(RegulatoryDeadlineSet::deadline).containsExactly("security-report",
                            "security-leadership-informed", "security-disposal-plan", "security-major-report");
            assertThat(stream.of(securityIncident, RegulatoryDeadlineMet.class)).extracting(RegulatoryDeadlineMet::deadline)
                    .containsExactly("security-report");
            // raised to level 3: the investigation is due 10 working days after the event
            assertThat(stream.of(ehsEvent, RegulatoryDeadlineSet.class)).extracting(RegulatoryDeadlineSet::deadline)
                    .containsExactly("ehs-report", "ehs-investigation");
        }
    }

    /** DOMAIN.md section 5, rule "Deadlines": counted from when the event happened, a late report is due already. */
    @Test
    void ehs_deadlines_count_from_the_event_so_a_late_report_is_missed_at_once() {
        UUID incident = UUID.randomUUID();
        Instant reported = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant happened = reported.minus(Duration.ofDays(10));
        publish(new IncidentReported(incident, "Ladder fall found in the logbook", null, Category.EHS_RECORDABLE,
                        "li.wei", "http", reported),
                new IncidentClassified(incident, Category.EHS_RECORDABLE, new Classification.EhsRecordable(2_000L,
                        true, 1, happened), Priority.P4, "li.wei", reported));

        try (var stream = new EscalationStreams()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !stream.of(incident, RegulatoryDeadlineMissed.class)
                    .isEmpty());
            assertThat(stream.of(incident, RegulatoryDeadlineSet.class)).singleElement().satisfies(set -> {
                assertThat(set.deadline()).isEqualTo("ehs-report");
                assertThat(set.referenceAt()).isEqualTo(happened);
                assertThat(set.dueAt()).isBefore(reported);
            });
        }
    }

    /** DOMAIN.md section 5, rule "Working days": without a calendar configured, working days skip weekends. */
    @Test
    void ehs_working_days_count_on_the_built_in_calendar_when_the_policy_names_none() {
        put("/admin/policies/ehs-recordable", """
                {"targets": {"P1": {"response": "1 hours", "resolution": "8 hours"},
                             "P2": {"response": "1 hours", "resolution": "8 hours"},
                             "P3": {"response": "1 hours", "resolution": "8 hours"},
                             "P4": {"response": "1 hours", "resolution": "8 hours"},
                             "P5": {"response": "1 hours", "resolution": "8 hours"}}}""");
        UUID incident = UUID.randomUUID();
        // Monday 7 December 2026, 10:00 in Shanghai
        Instant reported = shanghai("2026-12-07T10:00");
        publish(new IncidentReported(incident, "Scaffold collapsed overnight", null, Category.EHS_RECORDABLE,
                        "li.wei", "http", reported),
                new IncidentClassified(incident, Category.EHS_RECORDABLE, new Classification.EhsRecordable(60_000L,
                        true, 3), Priority.P3, "li.wei", reported));

        try (var stream = new EscalationStreams()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.of(incident, RegulatoryDeadlineSet.class)
                    .size() == 2);
            assertThat(stream.of(incident, RegulatoryDeadlineSet.class))
                    .extracting(RegulatoryDeadlineSet::deadline, RegulatoryDeadlineSet::dueAt).containsExactly(
                            tuple("ehs-report", shanghai("2026-12-08T10:00")),
                            tuple("ehs-investigation", shanghai("2026-12-21T10:00")));
        }
    }

    @Test
    void ehs_a_level_3_event_has_one_working_day_to_report_and_ten_to_investigate_on_the_policy_calendar() {
        UUID incident = UUID.randomUUID();
        // Tuesday 30 September 2025, 10:00 in Shanghai: the holiday week follows
        Instant reported = LocalDateTime.parse("2025-09-30T10:00").atZone(SHANGHAI).toInstant();
        publish(new IncidentReported(incident, "Forklift hit a rack", null, Category.EHS_RECORDABLE, "li.wei", "http",
                        reported),
                new IncidentClassified(incident, Category.EHS_RECORDABLE, new Classification.EhsRecordable(35_000L,
                        true, 3), Priority.P3, "li.wei", reported));

        try (var stream = new EscalationStreams()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.of(incident, RegulatoryDeadlineMissed.class)
                    .size() == 2);
            assertThat(stream.of(incident, RegulatoryDeadlineSet.class))
                    .extracting(RegulatoryDeadlineSet::deadline, RegulatoryDeadlineSet::dueAt).containsExactly(
                            tuple("ehs-report", shanghai("2025-10-09T10:00")),
                            tuple("ehs-investigation", shanghai("2025-10-21T10:00")));
        }
    }

    @Test
    void ehs_a_level_3_investigation_recorded_in_time_is_met() {
        UUID incident = UUID.randomUUID();
        Instant reported = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(new IncidentReported(incident, "Crane load dropped", null, Category.EHS_RECORDABLE, "li.wei",
                        "http", reported),
                new IncidentClassified(incident, Category.EHS_RECORDABLE, new Classification.EhsRecordable(40_000L,
                        true, 3), Priority.P3, "li.wei", reported));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get().uri("/deadlines/" + incident)
                .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                .exchange().expectBody().jsonPath("$.length()").isEqualTo(2));

        fulfil(incident, "ehs-investigation").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("met");
        try (var stream = new EscalationStreams()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !stream.of(incident, RegulatoryDeadlineMet.class)
                    .isEmpty());
            assertThat(stream.of(incident, RegulatoryDeadlineMet.class)).extracting(RegulatoryDeadlineMet::deadline)
                    .containsExactly("ehs-investigation");
        }
    }

    @Test
    void ehs_a_report_recorded_in_time_is_met() {
        UUID incident = UUID.randomUUID();
        Instant reported = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(new IncidentReported(incident, "Spill in the paint shop", null, Category.EHS_RECORDABLE, "li.wei",
                        "http", reported),
                new IncidentClassified(incident, Category.EHS_RECORDABLE, new Classification.EhsRecordable(5_000L,
                        false, 1), Priority.P4, "li.wei", reported));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get().uri("/deadlines/" + incident)
                .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                .exchange().expectBody().jsonPath("$.length()").isEqualTo(1));

        fulfil(incident, "ehs-report").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("met");
        try (var stream = new EscalationStreams()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !stream.of(incident, RegulatoryDeadlineMet.class)
                    .isEmpty());
            assertThat(stream.of(incident, RegulatoryDeadlineMissed.class)).isEmpty();
        }
    }

    private static IncidentClassified security(UUID incident, Instant detected, boolean major, Priority priority,
                                               Instant at) {
        return new IncidentClassified(incident, Category.INFORMATION_SECURITY, new Classification.InformationSecurity(
                SecurityKind.INCIDENT, major ? 1 : 3, major, detected, "HQ", "finance", "encrypted shares", null,
                "phishing", true), priority, "li.wei", at);
    }

    private static Instant shanghai(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    private WebTestClient.ResponseSpec fulfil(UUID incident, String deadline) {
        return web.post().uri("/deadlines/" + incident + "/" + deadline)
                .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                .bodyValue(Map.of("note", "Phoned the CISO")).exchange();
    }

    private void put(String uri, String json) {
        web.put().uri(uri).headers(h -> h.setBasicAuth(TestUsers.ADMIN, TestUsers.password(TestUsers.ADMIN)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange().expectStatus().is2xxSuccessful();
    }
}
