package dev.incidentloop.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.DomainEvent;
import dev.incidentloop.events.EscalationKind;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentAssigned;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.events.IncidentReopened;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SlaBreached;
import dev.incidentloop.events.SlaClock;
import dev.incidentloop.events.SupportLine;
import dev.incidentloop.events.Topics;
import dev.incidentloop.testsupport.KafkaProbe;
import dev.incidentloop.testsupport.RealInfrastructure;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import dev.incidentloop.testsupport.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Feeds per person and per team, derived from the events, with read and unread state per person. */
@ServiceIntegrationTest
class PersonalFeedsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    WebTestClient web;

    private final EventCodec codec = new EventCodec();

    @Test
    void a_team_hears_of_its_new_incidents_and_their_fate_and_a_person_of_what_names_them() {
        String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
        UUID incident = UUID.randomUUID();
        Instant t = Instant.now();
        publish(Topics.INCIDENT_EVENTS.name(),
                new IncidentReported(incident, "VPN down", null, Category.IT_SERVICE, "li.wei", "http", t),
                new IncidentAssigned(incident, team, null, SupportLine.FIRST, 0, null, null, "dispatcher", t));
        await().atMost(WAIT).until(() -> teamItems(team).size() == 1);
        publish(Topics.ESCALATION_EVENTS.name(),
                new SlaBreached(incident, SlaClock.RESPONSE, Duration.ofMinutes(30), Duration.ofMinutes(30), t),
                new IncidentEscalated(incident, 1, EscalationKind.FUNCTIONAL, "response-sla", Priority.P2,
                        Duration.ofMinutes(30), List.of(TestUsers.RESPONDER, "somebody.else"), 0, null, null, t));
        publish(Topics.INCIDENT_EVENTS.name(),
                new IncidentResolved(incident, "zhang.min", "fixed", null, null, null, t.plusSeconds(60)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(teamItems(team)).extracting(FeedItem::type)
                .containsExactly("dev.incidentloop.incident.resolved", "dev.incidentloop.escalation.escalated",
                        "dev.incidentloop.escalation.sla-breached", "dev.incidentloop.incident.assigned"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(myItems("")).filteredOn(i -> i.incidentId()
                .equals(incident)).extracting(FeedItem::type).containsExactly("dev.incidentloop.escalation.escalated"));

        // the same escalation on my live feed
        ServerSentEvent<FeedItem> live = web.mutate().responseTimeout(WAIT).build().get().uri("/feed/me")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<FeedItem>>() { }).getResponseBody()
                .filter(e -> e.data() != null && e.data().incidentId().equals(incident)).blockFirst(WAIT);
        assertThat(live.data().summary()).contains(TestUsers.RESPONDER);
    }

    /**
     * Sent at once, so that they are mostly read in one poll: each event reaches the team the incident is assigned to
     * as of that event, not as of the end of the poll; delivered twice, each item is there once.
     */
    @Test
    void each_event_of_a_poll_goes_to_the_team_of_its_moment_and_a_redelivered_poll_adds_nothing() {
        String first = "team-" + UUID.randomUUID().toString().substring(0, 8);
        String second = "team-" + UUID.randomUUID().toString().substring(0, 8);
        UUID incident = UUID.randomUUID();
        Instant t = Instant.now();
        List<byte[]> records = encode(
                new IncidentReported(incident, "Printer queue stuck", null, Category.IT_SERVICE, "li.wei", "http", t),
                new IncidentResolved(incident, "zhang.min", "fixed", null, null, null, t.plusSeconds(1)),
                new IncidentReopened(incident, "still stuck", 1, "li.wei", t.plusSeconds(2)),
                new IncidentAssigned(incident, first, null, SupportLine.FIRST, 0, null, null, "dispatcher",
                        t.plusSeconds(3)),
                new IncidentResolved(incident, "zhang.min", "fixed", null, null, null, t.plusSeconds(4)),
                new IncidentReopened(incident, "stuck again", 2, "li.wei", t.plusSeconds(5)),
                new IncidentAssigned(incident, second, null, SupportLine.SECOND, 1, "needs a technician", null,
                        "dispatcher", t.plusSeconds(6)),
                new IncidentResolved(incident, "wang.fang", "replaced", null, null, null, t.plusSeconds(7)));
        String key = incident.toString();
        KafkaProbe.sendAll(RealInfrastructure.kafkaBootstrapServers(), Topics.INCIDENT_EVENTS.name(), key, records);
        KafkaProbe.sendAll(RealInfrastructure.kafkaBootstrapServers(), Topics.INCIDENT_EVENTS.name(), key, records);

        await().atMost(WAIT).untilAsserted(() -> assertThat(teamItems(second)).extracting(FeedItem::type)
                .containsExactly("dev.incidentloop.incident.resolved", "dev.incidentloop.incident.assigned"));
        assertThat(teamItems(first)).extracting(FeedItem::type).containsExactly("dev.incidentloop.incident.reopened",
                "dev.incidentloop.incident.resolved", "dev.incidentloop.incident.assigned");
        // an event sent after the second delivery, on the same partition: once it is in, the redelivery is done
        long lastId = teamItems(second).get(0).id();
        UUID later = UUID.randomUUID();
        KafkaProbe.sendAll(RealInfrastructure.kafkaBootstrapServers(), Topics.INCIDENT_EVENTS.name(), key,
                encode(new IncidentReported(later, "Scanner offline", null, Category.IT_SERVICE, "li.wei", "http",
                        t)));
        await().atMost(WAIT).until(() -> allItemsAfter(lastId).stream().anyMatch(i -> i.incidentId().equals(later)));
        assertThat(allItemsAfter(lastId)).noneMatch(i -> i.incidentId().equals(incident));
        assertThat(teamItems(first)).hasSize(3);
        assertThat(teamItems(second)).hasSize(2);
    }

    @Test
    void read_state_is_kept_per_person_and_unread_items_can_be_listed() {
        String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            UUID incident = UUID.randomUUID();
            publish(Topics.INCIDENT_EVENTS.name(), new IncidentAssigned(incident, team, null, SupportLine.FIRST, 0,
                    null, null, "dispatcher", Instant.now()));
        }
        await().atMost(WAIT).until(() -> teamItems(team).size() == 3);
        List<FeedItem> items = teamItems(team);
        assertThat(items).allMatch(i -> Boolean.FALSE.equals(i.read()));
        assertThat(unread(team, TestUsers.RESPONDER)).isEqualTo(3);

        mark(team, TestUsers.RESPONDER, Map.of("ids", List.of(items.get(0).id()))).expectStatus().isOk()
                .expectBody().jsonPath("$.changed").isEqualTo(1);
        assertThat(unread(team, TestUsers.RESPONDER)).isEqualTo(2);
        assertThat(unread(team, TestUsers.ADMIN)).as("another person's state").isEqualTo(3);
        assertThat(teamItems(team, "?unread=true")).extracting(FeedItem::id)
                .containsExactly(items.get(1).id(), items.get(2).id());
        // pages, newest first
        assertThat(teamItems(team, "?limit=2")).extracting(FeedItem::id)
                .containsExactly(items.get(0).id(), items.get(1).id());
        assertThat(teamItems(team, "?limit=2&before=" + items.get(1).id())).extracting(FeedItem::id)
                .containsExactly(items.get(2).id());

        mark(team, TestUsers.RESPONDER, Map.of("upTo", items.get(0).id())).expectStatus().isOk();
        assertThat(unread(team, TestUsers.RESPONDER)).isZero();
        mark(team, TestUsers.RESPONDER, Map.of()).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("ids");
    }

    private WebTestClient.ResponseSpec mark(String team, String user, Map<String, Object> body) {
        return web.post().uri("/feed/teams/" + team + "/read")
                .headers(h -> h.setBasicAuth(user, TestUsers.password(user))).bodyValue(body).exchange();
    }

    private long unread(String team, String user) {
        return ((Number) web.get().uri("/feed/teams/" + team + "/unread")
                .headers(h -> h.setBasicAuth(user, TestUsers.password(user))).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("unread")).longValue();
    }

    private List<FeedItem> teamItems(String team) {
        return teamItems(team, "");
    }

    private List<FeedItem> teamItems(String team, String query) {
        return web.get().uri("/feed/teams/" + team + "/items" + query)
                .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                .exchange().expectStatus().isOk().expectBodyList(FeedItem.class).returnResult().getResponseBody();
    }

    private List<FeedItem> allItemsAfter(long id) {
        return web.get().uri("/feed/items?limit=500&after=" + id)
                .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                .exchange().expectStatus().isOk().expectBodyList(FeedItem.class).returnResult().getResponseBody();
    }

    private List<FeedItem> myItems(String query) {
        return web.get().uri("/feed/me/items" + query)
                .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                .exchange().expectStatus().isOk().expectBodyList(FeedItem.class).returnResult().getResponseBody();
    }

    private void publish(String topic, DomainEvent... events) {
        KafkaProbe.sendAll(RealInfrastructure.kafkaBootstrapServers(), topic, events[0].incidentId().toString(),
                encode(events));
    }

    private List<byte[]> encode(DomainEvent... events) {
        List<byte[]> records = new java.util.ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            records.add(codec.encode(new EventEnvelope(UUID.randomUUID(), "/test", events[i].occurredAt(), i,
                    events[i])));
        }
        return records;
    }
}
