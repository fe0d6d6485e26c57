package dev.incidentloop.reporting;

import static dev.incidentloop.events.SupportLine.FIRST;
import static dev.incidentloop.events.SupportLine.SECOND;
import static dev.incidentloop.events.SupportLine.VENDOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.EmergencyKind;
import dev.incidentloop.events.HseGrade;
import dev.incidentloop.events.HseType;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SecurityKind;
import dev.incidentloop.events.SlaClock;
import dev.incidentloop.reporting.report.HoltForecast;
import dev.incidentloop.testsupport.TestUsers;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A scripted month: twenty incidents across categories, lines, escalations, reopenings and satisfaction scores in
 * March 2019 (UTC), and a few in the months before for the trend. Every event is delivered twice. Each expected
 * figure below was worked out by hand from the table in {@link #scenario()}; the comments show the sums.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingIT {

    private static final Instant T0 = Instant.parse("2019-03-04T00:00:00Z");
    private static final String MARCH = "/kpi/summary?period=month&date=2019-03-15";

    @Autowired
    WebTestClient web;

    private final ObjectMapper json = new ObjectMapper();
    private final List<Story> march = new ArrayList<>();

    @BeforeAll
    void scenario() {
        var it = new Classification.ItService(2, 2);
        var security = new Classification.InformationSecurity(SecurityKind.INCIDENT, 1, true, T0, "HQ", "finance",
                "ransomware", 200_000L, "phishing", true);
        var hse = new Classification.HseAccident(HseType.FIRE_EXPLOSION, 3, 0, 600_000L, HseGrade.MAJOR);
        var ehs = new Classification.EhsRecordable(35_000L, true, 3);
        var emergency = new Classification.Emergency(EmergencyKind.IT_FAILURE);
        //        # category  prio team  line  targets(min): response resolution
        march.add(Story.of(at(1), it, Priority.P3, "desk", FIRST, 120, 1440).ack(10).resolve(60).confirm(70, 5).close(70));
        march.add(Story.of(at(2), it, Priority.P3, "desk", FIRST, 120, 1440).ack(20).resolve(120, FIRST).confirm(130, 5)
                .close(130));
        march.add(Story.of(at(3), it, Priority.P3, "desk", FIRST, 120, 1440).ack(30).resolve(180).confirm(190, 4).close(190));
        march.add(Story.of(at(4), it, Priority.P3, "desk", FIRST, 120, 1440).ack(40).resolve(240).confirm(250, 4).close(250));
        march.add(Story.of(at(5), it, Priority.P3, "desk", FIRST, 120, 1440).breach(SlaClock.RESPONSE, 120).escalate(120)
                .ack(130).resolve(300).confirm(310, 3).close(310));
        march.add(Story.of(at(6), it, Priority.P3, "desk", FIRST, 120, 1440).ack(50).assign(60, "desk", SECOND)
                .breach(SlaClock.RESOLUTION, 1440).resolve(1500).confirm(1510, 2).close(1510));
        march.add(Story.of(at(7), it, Priority.P2, "network", SECOND, 30, 480).ack(15).resolve(200).confirm(210, 4)
                .close(210));
        march.add(Story.of(at(8), it, Priority.P2, "network", SECOND, 30, 480).ack(25).resolve(400).reopen(500)
                .resolve(600).confirm(610, 3).close(610));
        march.add(Story.of(at(9), it, Priority.P2, "network", SECOND, 30, 480).breach(SlaClock.RESPONSE, 30).escalate(30)
                .ack(45).breach(SlaClock.RESOLUTION, 480).resolve(600));
        march.add(Story.of(at(10), it, Priority.P2, "network", SECOND, 30, 480).ack(5).resolve(100, VENDOR)
                .confirm(110, 5).close(110));
        march.add(Story.of(at(11), security, Priority.P1, "soc", SECOND, 15, 240).ack(5).resolve(120).close(130));
        march.add(Story.of(at(12), security, Priority.P1, "soc", SECOND, 15, 240).breach(SlaClock.RESPONSE, 15)
                .escalate(15).ack(20).breach(SlaClock.RESOLUTION, 240));
        march.add(Story.of(at(13), hse, Priority.P2, "safety", FIRST, 30, 480).ack(10).resolve(240).confirm(250, 4)
                .close(250));
        march.add(Story.of(at(14), ehs, Priority.P4, "safety", FIRST, 480, 4320).ack(60).resolve(2000).confirm(2010, 5)
                .close(2010));
        march.add(Story.of(at(15), ehs, Priority.P4, "safety", FIRST, 480, 4320).cancel(30));
        march.add(Story.of(at(16), emergency, Priority.P1, "crisis", SECOND, 15, 240).ack(2).resolve(90).reopen(100)
                .resolve(150).reopen(160).resolve(200).confirm(210, 1).close(210));
        march.add(Story.of(at(17), it, Priority.P5, "desk", FIRST, 1440, 10080));
        march.add(Story.of(at(18), it, Priority.P3, "desk", FIRST, 120, 1440).ack(5).resolve(30));
        march.add(Story.of(at(19), it, Priority.P4, null, null, 480, 4320).ack(10).resolve(50).confirm(60, 4).close(60));
        march.add(Story.of(at(20), it, Priority.P3, "network", SECOND, 120, 1440).resolve(60).confirm(70, 5).close(70));
        march.forEach(Story::publishTwice);

        // the trend: December 2 incidents, January 3, February 5 (the last one late on 28 February in UTC, which is
        // already 1 March in Shanghai), and one in April that no March figure may count
        List<Instant> before = new ArrayList<>();
        Collections.addAll(before, Instant.parse("2018-12-03T09:00:00Z"), Instant.parse("2018-12-20T09:00:00Z"));
        for (int day = 1; day <= 3; day++) {
            before.add(Instant.parse("2019-01-0" + day + "T09:00:00Z"));
        }
        for (int day = 1; day <= 4; day++) {
            before.add(Instant.parse("2019-02-0" + day + "T09:00:00Z"));
        }
        before.add(Instant.parse("2019-02-28T23:30:00Z"));
        before.add(Instant.parse("2019-04-01T00:00:00Z"));
        before.forEach(at -> Story.reported(at, Category.IT_SERVICE).publishTwice());

        await().atMost(Duration.ofSeconds(60)).until(() -> kpis(MARCH).get("closed").asLong() == 15
                && kpis("/kpi/summary?period=month&date=2019-04-01").get("total").asLong() == 1);
    }

    @Test
    void the_month_in_counts() {
        JsonNode k = kpis(MARCH);
        assertThat(k.get("from").asText()).isEqualTo("2019-03-01T00:00:00Z");
        assertThat(k.get("to").asText()).isEqualTo("2019-04-01T00:00:00Z");
        assertThat(k.get("total").asLong()).isEqualTo(20);
        assertThat(k.get("canceled").asLong()).isEqualTo(1); // 15
        assertThat(k.get("acknowledged").asLong()).isEqualTo(17); // all but 15, 17, 20
        assertThat(k.get("resolved").asLong()).isEqualTo(17); // all but 12, 15, 17
        assertThat(k.get("closed").asLong()).isEqualTo(15); // all but 9, 12, 15 (canceled), 17, 18
        assertThat(k.get("escalated").asLong()).isEqualTo(3); // 5, 9, 12
        // open at the end of March: 9, 12, 17, 18, and the 10 earlier incidents nobody closed
        assertThat(k.get("backlog").asLong()).isEqualTo(14);
    }

    @Test
    void service_levels() {
        JsonNode k = kpis(MARCH);
        // response clock met: all but 5 (130 > 120), 9 (45 > 30), 12 (20 > 15), 17 (never, deadline passed);
        // 15 is canceled and counts nowhere; 20 responded by resolving at 60 <= 120
        assertRatio(k.get("responseRate"), 15, 19, 78.95);
        // resolution clock missed: 6 (1500 > 1440), 9 (600 > 480), 12 (breached, open), 17 (deadline passed)
        assertRatio(k.get("resolvedWithinTarget"), 15, 19, 78.95);
        // both met: the 15 responses met less 6, whose resolution missed
        assertRatio(k.get("slaCompliance"), 14, 19, 73.68);
    }

    @Test
    void lines_of_support_and_first_time_fix() {
        JsonNode k = kpis(MARCH);
        // first: 1 2 3 4 5 13 14 18 19; second: 6 (reassigned) 7 8 9 11 16 20; vendor: 10 — of 17 resolved
        assertRatio(k.get("firstLineResolution"), 9, 17, 52.94);
        assertRatio(k.get("secondLineResolution"), 7, 17, 41.18);
        assertRatio(k.get("vendorResolution"), 1, 17, 5.88);
        // reopened: 8 once, 16 twice
        assertRatio(k.get("firstTimeFix"), 15, 17, 88.24);
        assertRatio(k.get("reopened"), 2, 17, 11.76);
    }

    @Test
    void customer_satisfaction() {
        JsonNode s = kpis(MARCH).get("satisfaction");
        // 5+5+4+4+3+2+4+3+5+4+5+1+4+5 = 54 from 14 confirmations
        assertThat(s.get("responses").asLong()).isEqualTo(14);
        assertThat(s.get("mean").asDouble()).isCloseTo(54.0 / 14, within(1e-9));
        assertThat(s.get("distribution").get("1").asLong()).isEqualTo(1);
        assertThat(s.get("distribution").get("2").asLong()).isEqualTo(1);
        assertThat(s.get("distribution").get("3").asLong()).isEqualTo(2);
        assertThat(s.get("distribution").get("4").asLong()).isEqualTo(5);
        assertThat(s.get("distribution").get("5").asLong()).isEqualTo(5);
    }

    @Test
    void time_to_acknowledge_and_to_resolve() {
        JsonNode k = kpis(MARCH);
        // minutes to acknowledge, sorted: 2 5 5 5 10 10 10 15 20 20 25 30 40 45 50 60 130; sum 482
        JsonNode tta = k.get("timeToAcknowledge");
        assertThat(tta.get("count").asLong()).isEqualTo(17);
        assertThat(tta.get("meanSeconds").asDouble()).isCloseTo(482 * 60.0 / 17, within(1e-6));
        assertThat(tta.get("medianSeconds").asDouble()).isCloseTo(20 * 60.0, within(1e-6));
        assertThat(tta.get("p90Seconds").asDouble()).isCloseTo(54 * 60.0, within(1e-6)); // 50 + 0.4 * (60 - 50)
        // minutes to first resolution, sorted: 30 50 60 60 90 100 120 120 180 200 240 240 300 400 600 1500 2000;
        // sum 6290
        JsonNode ttr = k.get("timeToResolve");
        assertThat(ttr.get("count").asLong()).isEqualTo(17);
        assertThat(ttr.get("meanSeconds").asDouble()).isCloseTo(370 * 60.0, within(1e-6));
        assertThat(ttr.get("medianSeconds").asDouble()).isCloseTo(180 * 60.0, within(1e-6));
        assertThat(ttr.get("p90Seconds").asDouble()).isCloseTo(960 * 60.0, within(1e-6)); // 600 + 0.4 * 900
    }

    @Test
    void filters_by_category_priority_and_team() {
        assertThat(kpis(MARCH + "&category=information-security").get("total").asLong()).isEqualTo(2);
        assertThat(kpis(MARCH + "&priority=P1").get("total").asLong()).isEqualTo(3); // 11 12 16
        JsonNode network = kpis(MARCH + "&team=network"); // 7 8 9 10 20
        assertThat(network.get("total").asLong()).isEqualTo(5);
        assertRatio(network.get("responseRate"), 4, 5, 80.0);
        assertThat(network.get("backlog").asLong()).isEqualTo(1); // 9
        assertThat(kpis(MARCH + "&category=hse-accident&team=safety").get("total").asLong()).isEqualTo(1);
    }

    @Test
    void calendar_periods_follow_the_time_zone() {
        // in Shanghai March begins at 2019-02-28T16:00Z: the late February incident belongs to it
        JsonNode shanghai = kpis(MARCH + "&zone=Asia/Shanghai");
        assertThat(shanghai.get("from").asText()).isEqualTo("2019-02-28T16:00:00Z");
        assertThat(shanghai.get("total").asLong()).isEqualTo(21);
        // the week of Monday 4 March holds incidents 1-20 (reported hourly from Monday 00:00)
        assertThat(kpis("/kpi/summary?period=week&date=2019-03-10").get("total").asLong()).isEqualTo(20);
        assertThat(kpis("/kpi/summary?period=day&date=2019-03-04").get("total").asLong()).isEqualTo(20);
        assertThat(kpis("/kpi/summary?from=2019-03-04T05:00:00Z&to=2019-03-04T07:00:00Z").get("total").asLong())
                .isEqualTo(2); // 6 and 7
    }

    @Test
    void one_incident_carries_every_fact() {
        Story emergencyStory = march.get(15); // 16
        analyst("/sla/" + emergencyStory.id).expectStatus().isOk().expectBody()
                .jsonPath("$.category").isEqualTo("emergency")
                .jsonPath("$.grade").isEqualTo("it-failure")
                .jsonPath("$.team").isEqualTo("crisis")
                .jsonPath("$.resolvedLine").isEqualTo("second")
                .jsonPath("$.reopenCount").isEqualTo(2)
                .jsonPath("$.satisfaction").isEqualTo(1)
                .jsonPath("$.timeToAcknowledge").isEqualTo("PT2M")
                .jsonPath("$.timeToResolve").isEqualTo("PT1H30M")
                .jsonPath("$.lastResolvedAt").isEqualTo("2019-03-04T18:20:00Z")
                .jsonPath("$.response.status").isEqualTo("met")
                .jsonPath("$.resolution.status").isEqualTo("met")
                .jsonPath("$.resolution.target").isEqualTo("PT4H");
        analyst("/sla/" + march.get(5).id).expectStatus().isOk().expectBody() // 6
                .jsonPath("$.reassignmentCount").isEqualTo(1)
                .jsonPath("$.supportLine").isEqualTo("second")
                .jsonPath("$.resolution.status").isEqualTo("missed");
        analyst("/sla/" + march.get(12).id).expectStatus().isOk().expectBody() // 13
                .jsonPath("$.grade").isEqualTo("major");
        analyst("/sla/" + march.get(13).id).expectStatus().isOk().expectBody() // 14
                .jsonPath("$.grade").isEqualTo("level-3");
    }

    @Test
    void an_incident_nobody_assigned_is_resolved_by_the_first_line() {
        analyst("/sla/" + march.get(18).id).expectStatus().isOk().expectBody() // 19
                .jsonPath("$.team").isEmpty()
                .jsonPath("$.supportLine").isEqualTo("first")
                .jsonPath("$.resolvedLine").isEqualTo("first");
    }

    @Test
    void the_breached_list_names_every_incident_that_missed_a_target() {
        List<String> breached = new ArrayList<>();
        analyst("/sla/breached?limit=1000").expectStatus().isOk().expectBody(JsonNode.class).value(list ->
                list.forEach(row -> breached.add(row.get("incidentId").asText())));
        List<String> missedInMarch = List.of(5, 6, 9, 12).stream().map(n -> march.get(n - 1).id.toString()).toList();
        List<String> metInMarch = List.of(1, 2, 7, 16, 20).stream().map(n -> march.get(n - 1).id.toString()).toList();
        assertThat(breached).containsAll(missedInMarch).doesNotContainAnyElementsOf(metInMarch);
    }

    @Test
    void open_incidents_are_listed_most_urgent_first_with_the_time_left() {
        String team = "tracking-" + UUID.randomUUID();
        Instant now = Instant.now();
        // reported 20, 10 and 1 minute ago with response targets of 60, 5 and 30 minutes: due in 40, -5 and 29
        Story calm = Story.of(now.minus(Duration.ofMinutes(20)), new Classification.ItService(3, 3), Priority.P4,
                team, FIRST, 60, 600);
        Story late = Story.of(now.minus(Duration.ofMinutes(10)), new Classification.ItService(1, 1), Priority.P1,
                team, FIRST, 5, 600);
        Story soon = Story.of(now.minus(Duration.ofMinutes(1)), new Classification.ItService(2, 2), Priority.P3,
                team, FIRST, 30, 600);
        Story done = Story.of(now.minus(Duration.ofMinutes(1)), new Classification.ItService(2, 2), Priority.P3,
                team, FIRST, 1, 600).ack(0).resolve(0);
        List.of(calm, late, soon, done).forEach(Story::publishTwice);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode open = analystJson("/sla/open?team=" + team);
            assertThat(open).hasSize(3);
            assertThat(open.get(0).get("incidentId").asText()).isEqualTo(late.id.toString());
            assertThat(open.get(1).get("incidentId").asText()).isEqualTo(soon.id.toString());
            assertThat(open.get(2).get("incidentId").asText()).isEqualTo(calm.id.toString());
            assertThat(open.get(0).get("response").get("status").asText()).isEqualTo("overdue");
            assertThat(Duration.parse(open.get(0).get("response").get("timeLeft").asText())).isNegative();
            assertThat(open.get(1).get("response").get("status").asText()).isEqualTo("running");
            assertThat(Duration.parse(open.get(1).get("response").get("timeLeft").asText()))
                    .isBetween(Duration.ofMinutes(27), Duration.ofMinutes(29));
        });
    }

    @Test
    void the_monthly_report_as_json_and_csv() {
        List<Long> trend = List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 2L, 3L, 5L, 20L); // April 2018 .. March 2019
        double forecast = Math.round(HoltForecast.fit(trend).value() * 10) / 10.0;

        JsonNode report = analystJson("/reports/monthly?month=2019-03");
        assertThat(report.get("month").asText()).isEqualTo("2019-03");
        assertThat(report.get("kpis").get("total").asLong()).isEqualTo(20);
        assertThat(report.get("trend")).extracting(t -> t.get("month").asText()).first().isEqualTo("2018-04");
        assertThat(report.get("trend")).extracting(t -> t.get("incidents").asLong()).containsExactlyElementsOf(trend);
        assertThat(report.get("forecast").get("month").asText()).isEqualTo("2019-04");
        assertThat(report.get("forecast").get("incidents").asDouble()).isEqualTo(forecast);
        assertThat(report.get("forecast").get("method").asText()).startsWith("Holt's linear exponential smoothing");

        String csv = analyst("/reports/monthly.csv?month=2019-03").expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.split("\r\n")).startsWith("section,name,value")
                .contains("kpi,total,20", "kpi,responseRate.percent,78.95", "kpi,satisfaction.distribution.4,5",
                        "kpi,category,", "trend,2018-12,2", "trend,2019-03,20", "forecast,2019-04," + forecast);
    }

    @Test
    void escalation_services_verdict_decides_and_a_paused_clock_is_not_overdue() {
        String team = "paused-" + UUID.randomUUID();
        Instant at = Instant.parse("2018-06-04T09:00:00Z");
        var it = new Classification.ItService(2, 2);
        // resolved after its first deadline, but the clock was paused meanwhile: escalation-service says met
        Story waited = Story.of(at, it, Priority.P3, team, FIRST, 60, 120).ack(10).paused(SlaClock.RESOLUTION, 30)
                .resolve(300).stopped(SlaClock.RESOLUTION, true, 300);
        // still on hold long after its first deadline
        Story onHold = Story.of(at, it, Priority.P3, team, FIRST, 60, 120).ack(10).paused(SlaClock.RESOLUTION, 30);
        List.of(waited, onHold).forEach(Story::publishTwice);

        String period = "/kpi/summary?from=2018-06-04T00:00:00Z&to=2018-06-05T00:00:00Z&team=" + team;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertRatio(kpis(period).get("resolvedWithinTarget"), 1, 1, 100.0));
        analyst("/sla/" + onHold.id).expectStatus().isOk().expectBody()
                .jsonPath("$.resolution.status").isEqualTo("paused");
        analyst("/sla/" + waited.id).expectStatus().isOk().expectBody()
                .jsonPath("$.resolution.status").isEqualTo("met");
    }

    @Test
    void bad_periods_and_filters_are_rejected_naming_the_field() {
        problem("/kpi/summary?from=2020-01-07T00:00:00Z&to=2020-01-06T00:00:00Z", "to");
        problem("/kpi/summary?from=yesterday", "from");
        problem("/kpi/summary?period=fortnight", "period");
        problem("/kpi/summary?period=month&from=2020-01-06T00:00:00Z", "period");
        problem("/kpi/summary?date=2020-01-06", "date");
        problem("/kpi/summary?period=day&zone=Mars/Olympus", "zone");
        problem("/kpi/summary?category=gossip", "category");
        problem("/sla/open?limit=0", "limit");
    }

    @Test
    void reports_are_for_analysts() {
        web.get().uri("/kpi/summary").exchange().expectStatus().isUnauthorized();
        web.get().uri("/sla/open")
                .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                .exchange().expectStatus().isForbidden();
    }

    /** When incident {@code number} of the table was reported: hourly from T0. */
    private static Instant at(int number) {
        return T0.plus(Duration.ofHours(number - 1));
    }

    private static void assertRatio(JsonNode ratio, long count, long of, double percent) {
        assertThat(ratio.get("count").asLong()).as("count").isEqualTo(count);
        assertThat(ratio.get("of").asLong()).as("of").isEqualTo(of);
        assertThat(ratio.get("percent").asDouble()).as("percent").isEqualTo(percent);
    }

    private void problem(String uri, String field) {
        analyst(uri).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private JsonNode kpis(String uri) {
        return analystJson(uri);
    }

    private JsonNode analystJson(String uri) {
        return analyst(uri).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec analyst(String uri) {
        return web.get().uri(uri)
                .headers(h -> h.setBasicAuth(TestUsers.ANALYST, TestUsers.password(TestUsers.ANALYST)))
                .exchange();
    }
}
