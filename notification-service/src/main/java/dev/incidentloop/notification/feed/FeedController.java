package dev.incidentloop.notification.feed;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The live feed for on-call staff, as Server-Sent Events. Each event's id is the item id: a client that reconnects
 * with {@code Last-Event-ID} (browsers do this themselves) gets exactly the items after it. The stream reads from
 * the database on every wake-up signal and on a periodic tick, and always from its own cursor, so it neither skips
 * nor repeats an item.
 */
@RestController
class FeedController {

    private static final int PAGE = 500;

    private final FeedItems items;
    private final FeedSignal signal;
    private final Duration tick;
    private final Duration heartbeat;

    FeedController(FeedItems items, FeedSignal signal,
                   @Value("${notification.feed.tick:5s}") Duration tick,
                   @Value("${notification.feed.heartbeat:15s}") Duration heartbeat) {
        this.items = items;
        this.signal = signal;
        this.tick = tick;
        this.heartbeat = heartbeat;
    }

    @GetMapping(path = "/feed", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<FeedItem>> feed(@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
                                         @RequestParam(name = "after", required = false) Long after) {
        AtomicLong cursor = new AtomicLong(lastEventId != null ? lastEventId : after != null ? after : 0L);
        Flux<Boolean> wakeUps = Flux.merge(signal.signals(), Flux.interval(tick).map(t -> Boolean.TRUE))
                .startWith(Boolean.TRUE)
                .onBackpressureLatest();
        Flux<ServerSentEvent<FeedItem>> stored = wakeUps
                .concatMap(w -> readAfter(cursor), 1)
                .map(item -> ServerSentEvent.builder(item).id(Long.toString(item.id())).event(item.type()).build());
        Flux<ServerSentEvent<FeedItem>> heartbeats = Flux.interval(heartbeat)
                .map(t -> ServerSentEvent.<FeedItem>builder().comment("heartbeat").build());
        return Flux.merge(stored, heartbeats);
    }

    /** Items after the cursor, page by page, advancing the cursor as they are emitted. */
    private Flux<FeedItem> readAfter(AtomicLong cursor) {
        return Mono.fromCallable(() -> items.after(cursor.get(), PAGE))
                .subscribeOn(Schedulers.boundedElastic())
                .expand(page -> page.size() < PAGE ? Mono.empty()
                        : Mono.fromCallable(() -> items.after(page.get(page.size() - 1).id(), PAGE))
                        .subscribeOn(Schedulers.boundedElastic()))
                .flatMapIterable(page -> page)
                .doOnNext(item -> cursor.set(item.id()));
    }

    /** The same items as a page of JSON, for clients that poll. */
    @GetMapping(path = "/feed/items", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<List<FeedItem>> history(@RequestParam(name = "after", defaultValue = "0") long after,
                                 @RequestParam(name = "limit", defaultValue = "100") int limit) {
        int bounded = Math.max(1, Math.min(limit, PAGE));
        return Mono.fromCallable(() -> items.after(after, bounded)).subscribeOn(Schedulers.boundedElastic());
    }
}
