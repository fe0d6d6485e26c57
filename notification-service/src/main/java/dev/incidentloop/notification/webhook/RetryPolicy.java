package dev.incidentloop.notification.webhook;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a failed delivery is tried again. A 429, a 5xx, a timeout or a connection failure is retried; any other 4xx
 * is final. Attempt n (counting from 1) failed: the next waits {@code base * 2^(n-1)}, at most {@code max}, of which
 * a random part (up to half) is taken off ("jitter"), so that receivers coming back are not hit by every sender at
 * once; a {@code Retry-After} longer than that is honoured. After {@code maxAttempts} the delivery is dead-lettered.
 *
 * @param timeout         how long one attempt may take
 * @param perReceiver     attempts in flight at once per subscription, so one slow receiver holds up only itself
 */
@ConfigurationProperties("notification.webhooks")
public record RetryPolicy(
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("1s") Duration base,
        @DefaultValue("5m") Duration max,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("4") int perReceiver) {

    public RetryPolicy {
        if (maxAttempts < 1 || perReceiver < 1 || base.isNegative() || base.isZero() || max.compareTo(base) < 0
                || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("notification.webhooks: max-attempts and per-receiver must be at least "
                    + "1, base and timeout positive, max at least base");
        }
    }

    static boolean retryable(Integer status) {
        return status == null || status == 429 || status >= 500;
    }

    /** The longest wait after the n-th failed attempt, before jitter. */
    Duration ceiling(int failedAttempt) {
        long millis = base.toMillis() << Math.min(failedAttempt - 1, 30);
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /** The wait after the n-th failed attempt: between half and all of its ceiling, or the receiver's Retry-After. */
    Duration delay(int failedAttempt, Duration retryAfter) {
        long ceiling = ceiling(failedAttempt).toMillis();
        long wait = ceiling - ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        Duration delay = Duration.ofMillis(wait);
        return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }
}
