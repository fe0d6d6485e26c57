package dev.incidentloop.notification.feed;

import dev.incidentloop.kit.web.InvalidRequestException;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The feeds for on-call staff: everything ({@code /feed}), mine ({@code /feed/me}) and my team's
 * ({@code /feed/teams/{team}}), each as Server-Sent Events, as a paged history with read state, and with read and
 * unread marks per user. A stream event's id is the item id: a client that reconnects with {@code Last-Event-ID}
 * (browsers do this themselves) gets exactly the items after it. A stream reads from the database on every wake-up
 * signal and on a periodic tick, always from its own cursor, so it neither skips nor repeats an item; heartbeat
 * comments keep idle streams open through proxies.
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
    Flux<ServerSentEvent<FeedItem>> all(@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
                                        @RequestParam(name = "after", required = false) Long after) {
        return stream(Feeds.ALL, lastEventId, after);
    }

    @GetMapping(path = "/feed/me", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<FeedItem>> mine(@RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
                                         @RequestParam(name = "after", required = false) Long after,
                                         Principal user) {
        return stream(Feeds.user(user.getName()), lastEventId, after);
    }

    @GetMapping(path = "/feed/teams/{team}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<FeedItem>> team(@PathVariable String team,
                                         @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
                                         @RequestParam(name = "after", required = false) Long after) {
        return stream(Feeds.team(team), lastEventId, after);
    }

    /** The all-items feed as a page of JSON after an id, oldest first, for clients that poll. */
    @GetMapping(path = "/feed/items", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<List<FeedItem>> allItems(@RequestParam(name = "after", defaultValue = "0") long after,
                                  @RequestParam(name = "limit", defaultValue = "100") int limit) {
        int bounded = limit(limit);
        return Mono.fromCallable(() -> items.after(Feeds.ALL, after, bounded)).subscribeOn(Schedulers.boundedElastic());
    }

    /** My feed's history, newest first: pass the last id of a page as {@code before} for the next. */
    @GetMapping(path = "/feed/me/items", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<List<FeedItem>> myItems(@RequestParam(name = "before", required = false) Long before,
                                 @RequestParam(name = "unread", defaultValue = "false") boolean unread,
                                 @RequestParam(name = "limit", defaultValue = "50") int limit, Principal user) {
        int bounded = limit(limit);
        return Mono.fromCallable(() -> items.history(Feeds.user(user.getName()), user.getName(), before, unread,
                bounded)).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping(path = "/feed/teams/{team}/items", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<List<FeedItem>> teamItems(@PathVariable String team,
                                   @RequestParam(name = "before", required = false) Long before,
                                   @RequestParam(name = "unread", defaultValue = "false") boolean unread,
                                   @RequestParam(name = "limit", defaultValue = "50") int limit, Principal user) {
        int bounded = limit(limit);
        return Mono.fromCallable(() -> items.history(Feeds.team(team), user.getName(), before, unread, bounded))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/feed/me/unread")
    Mono<Map<String, Long>> myUnread(Principal user) {
        return Mono.fromCallable(() -> Map.of("unread", items.unread(Feeds.user(user.getName()), user.getName())))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/feed/teams/{team}/unread")
    Mono<Map<String, Long>> teamUnread(@PathVariable String team, Principal user) {
        return Mono.fromCallable(() -> Map.of("unread", items.unread(Feeds.team(team), user.getName())))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Which items to mark: the given {@code ids}, or every item up to and including {@code upTo}. */
    record Marks(List<Long> ids, Long upTo) {
    }

    @PostMapping("/feed/me/read")
    Mono<Map<String, Integer>> readMine(@RequestBody Marks marks, Principal user) {
        return mark(Feeds.user(user.getName()), user.getName(), marks, true);
    }

    @PostMapping("/feed/me/unread")
    Mono<Map<String, Integer>> unreadMine(@RequestBody Marks marks, Principal user) {
        return mark(Feeds.user(user.getName()), user.getName(), marks, false);
    }

    @PostMapping("/feed/teams/{team}/read")
    Mono<Map<String, Integer>> readTeam(@PathVariable String team, @RequestBody Marks marks, Principal user) {
        return mark(Feeds.team(team), user.getName(), marks, true);
    }

    private Mono<Map<String, Integer>> mark(String feed, String user, Marks marks, boolean read) {
        boolean byIds = marks.ids() != null && !marks.ids().isEmpty();
        if (byIds == (marks.upTo() != null) || (!read && !byIds)) {
            throw new InvalidRequestException("ids", read ? "give either ids or upTo" : "must name the items");
        }
        return Mono.fromCallable(() -> Map.of("changed", read ? items.markRead(feed, user, marks.ids(), marks.upTo())
                : items.markUnread(feed, user, marks.ids()))).subscribeOn(Schedulers.boundedElastic());
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > PAGE) {
            throw new InvalidRequestException("limit", "must be between 1 and " + PAGE);
        }
        return limit;
    }

    private Flux<ServerSentEvent<FeedItem>> stream(String feed, Long lastEventId, Long after) {
        AtomicLong cursor = new AtomicLong(lastEventId != null ? lastEventId : after != null ? after : 0L);
        Flux<Boolean> wakeUps = Flux.merge(signal.signals(), Flux.interval(tick).map(t -> Boolean.TRUE))
                .startWith(Boolean.TRUE)
                .onBackpressureLatest();
        Flux<ServerSentEvent<FeedItem>> stored = wakeUps
                .concatMap(w -> readAfter(feed, cursor), 1)
                .map(item -> ServerSentEvent.builder(item).id(Long.toString(item.id())).event(item.type()).build());
        Flux<ServerSentEvent<FeedItem>> heartbeats = Flux.interval(heartbeat)
                .map(t -> ServerSentEvent.<FeedItem>builder().comment("heartbeat").build());
        return Flux.merge(stored, heartbeats);
    }

    /** Items after the cursor, page by page, advancing the cursor as they are emitted. */
    private Flux<FeedItem> readAfter(String feed, AtomicLong cursor) {
        return Mono.fromCallable(() -> items.after(feed, cursor.get(), PAGE))
                .subscribeOn(Schedulers.boundedElastic())
                .expand(page -> page.size() < PAGE ? Mono.empty()
                        : Mono.fromCallable(() -> items.after(feed, page.get(page.size() - 1).id(), PAGE))
                        .subscribeOn(Schedulers.boundedElastic()))
                .flatMapIterable(page -> page)
                .doOnNext(item -> cursor.set(item.id()));
    }
}
