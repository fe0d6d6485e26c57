package dev.incidentloop.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.notification.feed.FeedItems.NewItem;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import dev.incidentloop.testsupport.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An item stored by another instance of the service wakes the streams open on this one: its transaction notifies
 * through PostgreSQL. The streams' periodic re-read is set to ten minutes here, so only that wake-up can deliver the
 * item in time; with the in-process signal alone, this instance learnt of another's items only at its tick.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "notification.feed.tick=10m")
class FeedWakeUpIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    WebTestClient web;

    @Autowired
    DataSourceProperties database;

    @Test
    void an_item_another_instance_stores_reaches_the_streams_open_here() {
        String team = Feeds.team("wake-" + UUID.randomUUID().toString().substring(0, 8));
        var anotherInstance = new DriverManagerDataSource(database.determineUrl(), database.determineUsername(),
                database.determinePassword());
        FeedItems theirs = new FeedItems(new JdbcTemplate(anotherInstance));
        TransactionTemplate theirTransactions = new TransactionTemplate(new DataSourceTransactionManager(anotherInstance));
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        theirTransactions.executeWithoutResult(t -> theirs.addAll(List.of(item(team, before))));

        List<ServerSentEvent<FeedItem>> streamed = web.mutate().responseTimeout(WAIT).build()
                .get().uri("/feed/teams/" + team.substring("team:".length())).accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBasicAuth(TestUsers.RESPONDER, TestUsers.password(TestUsers.RESPONDER)))
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<FeedItem>>() { })
                .getResponseBody()
                .filter(e -> e.data() != null)
                // the stream's first read is done (it has the item stored before): the other instance stores another
                .doOnNext(e -> {
                    if (e.data().incidentId().equals(before)) {
                        Thread.ofPlatform().start(() -> theirTransactions.executeWithoutResult(t ->
                                theirs.addAll(List.of(item(team, after)))));
                    }
                })
                .take(2).collectList().block(WAIT);

        assertThat(streamed).extracting(e -> e.data().incidentId()).containsExactly(before, after);
    }

    private static NewItem item(String feed, UUID incident) {
        var event = new IncidentAcknowledged(incident, "zhang.min", Instant.now());
        return new NewItem(feed, new EventEnvelope(UUID.randomUUID(), "/test", event.occurredAt(), 1, event),
                "Acknowledged by zhang.min");
    }
}
