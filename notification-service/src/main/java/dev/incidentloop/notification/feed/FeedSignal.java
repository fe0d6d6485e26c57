package dev.incidentloop.notification.feed;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** Tells open feeds that new items are stored; they read the items themselves, so a missed signal loses nothing. */
@Component
class FeedSignal {

    private final Sinks.Many<Boolean> sink = Sinks.many().multicast().directBestEffort();

    void itemAdded() {
        sink.tryEmitNext(Boolean.TRUE);
    }

    Flux<Boolean> signals() {
        return sink.asFlux();
    }
}
