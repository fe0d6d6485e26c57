package dev.incidentloop.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.incidentloop.events.Classification;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentEvent;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SlaClock;
import dev.incidentloop.events.SupportLine;
import dev.incidentloop.events.Topics;
import dev.incidentloop.testsupport.KafkaProbe;
import dev.incidentloop.testsupport.RealInfrastructure;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import dev.incidentloop.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The read model rebuilt from the topics equals the one built event by event, and the live model goes on after. */
@ServiceIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayIT {

    private static final Instant T0 = Instant.parse("2021-03-01T08:00:00Z");
    private static final String PERIOD = "/kpi/summary?from=2021-03-01T00:00:00Z&to=2021-03-02T00:00:00Z";

    @Autowired
    WebTestClient web;

    @Autowired
    JdbcTemplate jdbc;

    private final EventCodec codec = new EventCodec();

    @Test
    @Order(1)
    void a_replay_rebuilds_exactly_the_incrementally_built_model_and_the_live_model_continues() {
        List<UUID> incidents = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Story story = Story.of(T0, new Classification.ItService(2, 2), Priority.P3, "desk-" + (i % 3),
                    i % 2 == 0 ? SupportLine.FIRST : SupportLine.SECOND, 30, 480);
            if (i % 2 == 0) {
                story.ack(i + 1);
            }
            if (i % 4 == 0) {
                story.resolve(10 * (i + 1)).confirm(10 * (i + 1) + 5, 1 + i % 5);
            }
            if (i % 8 == 0) {
                story.reopen(500).resolve(520);
            }
            if (i % 5 == 0) {
                story.breach(SlaClock.RESPONSE, 30).escalate(30);
            }
            story.publishTwice();
            incidents.add(story.id);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> analyst(PERIOD).expectBody()
                .jsonPath("$.total").isEqualTo(20).jsonPath("$.acknowledged").isEqualTo(10)
                .jsonPath("$.resolved").isEqualTo(5).jsonPath("$.escalated").isEqualTo(4));
        List<Map<String, Object>> incremental = model();

        replay();

        assertThat(model()).isEqualTo(incremental);
        web.get().uri("/admin/replay").headers(h -> h.setBasicAuth(TestUsers.ADMIN,
                        TestUsers.password(TestUsers.ADMIN))).exchange().expectBody()
                .jsonPath("$.eventsDone").value(done -> assertThat(((Number) done).longValue()).isPositive())
                .jsonPath("$.secondsLeft").isEmpty();

        assertAnalystsCanReadButNotWrite();

        // after the swap the live listener writes to the rebuilt tables
        publishTwice(new IncidentAcknowledged(incidents.get(1), "zhang.min", T0.plusSeconds(300)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> analyst(PERIOD).expectBody()
                .jsonPath("$.acknowledged").isEqualTo(11));
    }

    /**
     * An incident's events are read in one pass only when they all are in partitions of the same number; an event
     * under another key breaks that, and the replay then applies the topics poll by poll. Runs after the test above,
     * as every later replay in this JVM will read the misfiled event.
     */
    @Test
    @Order(2)
    void an_incident_whose_events_are_in_two_partitions_is_rebuilt_all_the_same() {
        Instant day = Instant.parse("2021-04-01T08:00:00Z");
        Story story = Story.of(day, new Classification.ItService(2, 2), Priority.P3, "desk-0", SupportLine.FIRST,
                30, 480);
        story.publishTwice();
        String otherKey = IntStream.range(0, 100).mapToObj(i -> "misfiled-" + i)
                .filter(key -> partition(key) != partition(story.id.toString())).findFirst().orElseThrow();
        var acknowledged = new IncidentAcknowledged(story.id, "zhang.min", day.plusSeconds(60));
        KafkaProbe.send(RealInfrastructure.kafkaBootstrapServers(), Topics.INCIDENT_EVENTS.name(), otherKey,
                codec.encode(new EventEnvelope(UUID.randomUUID(), "/test", acknowledged.occurredAt(), 1,
                        acknowledged)));
        String period = "/kpi/summary?from=2021-04-01T00:00:00Z&to=2021-04-02T00:00:00Z";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> analyst(period).expectBody()
                .jsonPath("$.total").isEqualTo(1).jsonPath("$.acknowledged").isEqualTo(1));
        List<Map<String, Object>> incremental = model();

        replay();

        assertThat(model()).isEqualTo(incremental);
    }

    /**
     * Another instance runs a replay: this one shows its progress and refuses to start a second, until the other
     * has been silent for longer than abandoned-after; then a replay starts here.
     */
    @Test
    @Order(3)
    void a_replay_on_another_instance_is_shown_here_and_holds_off_another_until_it_is_abandoned() {
        jdbc.update("""
                update replay_run set run_id = ?, state = 'RUNNING', events_done = 5, events_total = 10,
                    started_at = now(), finished_at = null, error = null, heartbeat_at = now()""", UUID.randomUUID());

        web.get().uri("/admin/replay").headers(h -> h.setBasicAuth(TestUsers.ADMIN,
                        TestUsers.password(TestUsers.ADMIN))).exchange().expectBody()
                .jsonPath("$.state").isEqualTo("RUNNING").jsonPath("$.eventsDone").isEqualTo(5);
        web.post().uri("/admin/replay").headers(h -> h.setBasicAuth(TestUsers.ADMIN,
                TestUsers.password(TestUsers.ADMIN))).exchange().expectStatus().isEqualTo(409);

        jdbc.update("update replay_run set heartbeat_at = now() - interval '2 minutes'");
        web.get().uri("/admin/replay").headers(h -> h.setBasicAuth(TestUsers.ADMIN,
                        TestUsers.password(TestUsers.ADMIN))).exchange().expectBody()
                .jsonPath("$.state").isEqualTo("FAILED")
                .jsonPath("$.error").value(error -> assertThat(error.toString()).startsWith("abandoned"));
        replay();
    }

    private static int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % Topics.PARTITIONS;
    }

    private void replay() {
        web.post().uri("/admin/replay").headers(h -> h.setBasicAuth(TestUsers.ADMIN,
                TestUsers.password(TestUsers.ADMIN))).exchange().expectStatus().isAccepted();
        String state = await().atMost(Duration.ofSeconds(60)).until(() -> web.get().uri("/admin/replay")
                .headers(h -> h.setBasicAuth(TestUsers.ADMIN, TestUsers.password(TestUsers.ADMIN))).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("state").toString(),
                s -> !s.equals("RUNNING"));
        assertThat(state).isEqualTo("DONE");
    }

    /** The read-only role reaches the table a replay swapped in, and cannot change it. */
    private void assertAnalystsCanReadButNotWrite() {
        String login = "analyst_" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.execute("create role " + login + " login in role reporting_analyst");
        String url = jdbc.queryForObject("select 'jdbc:postgresql://localhost:' || current_setting('port') || '/'"
                + " || current_database()", String.class);
        try (var connection = java.sql.DriverManager.getConnection(url, login, "");
             var statement = connection.createStatement()) {
            try (var rows = statement.executeQuery("select count(*) from incident_fact")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isPositive();
            }
            assertThatThrownBy(() -> statement.executeUpdate("delete from incident_fact"))
                    .hasMessageContaining("permission denied");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void only_an_admin_starts_a_replay() {
        web.post().uri("/admin/replay").headers(h -> h.setBasicAuth(TestUsers.ANALYST,
                TestUsers.password(TestUsers.ANALYST))).exchange().expectStatus().isForbidden();
    }

    private List<Map<String, Object>> model() {
        return jdbc.queryForList("select * from incident_fact order by incident_id");
    }

    private void publishTwice(IncidentEvent event) {
        var envelope = new EventEnvelope(UUID.randomUUID(), "/test", event.occurredAt(), 99, event);
        KafkaProbe.sendAll(RealInfrastructure.kafkaBootstrapServers(), Topics.INCIDENT_EVENTS.name(),
                event.incidentId().toString(),
                List.of(codec.encode(envelope), codec.encode(envelope)));
    }

    private WebTestClient.ResponseSpec analyst(String uri) {
        return web.get().uri(uri)
                .headers(h -> h.setBasicAuth(TestUsers.ANALYST, TestUsers.password(TestUsers.ANALYST)))
                .exchange().expectStatus().isOk();
    }
}
