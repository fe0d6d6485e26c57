package dev.incidentloop.gateway.integration;

import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Each integration's events per minute, as a token bucket per gateway instance: up to a minute's allowance at once,
 * refilled evenly. A request is admitted whole or not at all, so a batch is never half accepted.
 */
@Singleton
public final class RateLimiter {

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public RateLimiter() {
        this(System::nanoTime);
    }

    RateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** 0 when the events are admitted, else the whole seconds to wait before they would be. */
    public long admit(Integration integration, int events) {
        Integer perMinute = integration.eventsPerMinute();
        if (perMinute == null || events == 0) {
            return 0;
        }
        Bucket bucket = buckets.compute(integration.id(),
                (id, b) -> b == null || b.perMinute != perMinute ? new Bucket(perMinute, nanoTime.getAsLong()) : b);
        return bucket.take(events, nanoTime.getAsLong());
    }

    private static final class Bucket {
        private final int perMinute;
        private double tokens;
        private long refilledAt;

        Bucket(int perMinute, long now) {
            this.perMinute = perMinute;
            this.tokens = perMinute;
            this.refilledAt = now;
        }

        synchronized long take(int events, long now) {
            double perNano = perMinute / 60e9;
            tokens = Math.min(perMinute, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
            // a batch larger than a minute's allowance goes through when the bucket is full, and empties it
            double needed = Math.min(events, perMinute);
            if (tokens >= needed) {
                tokens = Math.max(0, tokens - events);
                return 0;
            }
            return Math.max(1, (long) Math.ceil((needed - tokens) / perNano / 1e9));
        }
    }
}
