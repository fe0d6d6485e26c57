package dev.incidentloop.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.notification.feed.FeedItems.NewItem;
import dev.incidentloop.testsupport.ServiceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several instances of the service write feed items at once, each a poll in a transaction of its own. A stream
 * reads the items after its cursor, so an item must not become visible after one with a higher id.
 */
@ServiceIntegrationTest
class FeedOrderIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    FeedItems items;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_stream_reading_while_two_writers_overlap_misses_no_item() throws Exception {
        String feed = Feeds.team("order-" + UUID.randomUUID().toString().substring(0, 8));
        CountDownLatch firstAdded = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        // a thread each, as in two instances (the common pool may have a single thread)
        ExecutorService writers = Executors.newFixedThreadPool(2);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
            items.addAll(List.of(item(feed, "first")));
            firstAdded.countDown();
            awaitQuietly(firstMayCommit);
        }), writers);
        assertThat(firstAdded.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s ->
                items.addAll(List.of(item(feed, "second")))), writers);
        // the second writer has either committed or waits for the first
        await().atMost(WAIT).until(() -> second.isDone() || writerWaiting());

        List<FeedItem> streamed = new ArrayList<>(items.after(feed, 0, 100));
        long cursor = streamed.isEmpty() ? 0 : streamed.getLast().id();
        firstMayCommit.countDown();
        CompletableFuture.allOf(first, second).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        writers.shutdown();
        streamed.addAll(items.after(feed, cursor, 100));

        assertThat(streamed).extracting(FeedItem::summary).containsExactly("first", "second");
    }

    private boolean writerWaiting() {
        return jdbc.queryForObject("select count(*) from pg_locks where locktype = 'advisory' and not granted",
                Integer.class) > 0;
    }

    private static NewItem item(String feed, String summary) {
        UUID incident = UUID.randomUUID();
        var event = new IncidentResolved(incident, "zhang.min", "fixed", null, null, null, Instant.now());
        return new NewItem(feed, new EventEnvelope(UUID.randomUUID(), "/test", event.occurredAt(), 0, event),
                summary);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
