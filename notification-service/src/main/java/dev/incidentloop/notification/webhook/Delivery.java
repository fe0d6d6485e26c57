package dev.incidentloop.notification.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One delivery of one event to one subscription, as the delivery log shows it.
 *
 * @param id       the idempotency id receivers get in {@code X-Incidentloop-Delivery}
 * @param status   {@code pending}, {@code delivered}, {@code failed} (refused with a 4xx) or {@code dead}
 *                 (dead-lettered after the last retry)
 * @param attempts every attempt so far, oldest first (only when one delivery is asked for)
 */
public record Delivery(UUID id, UUID webhookId, UUID eventId, UUID incidentId, String eventType, String status,
                       int attemptCount, Instant nextAttemptAt, Integer lastStatus, String lastError,
                       Instant createdAt, Instant finishedAt, List<Attempt> attempts) {

    public record Attempt(int attempt, Instant startedAt, long durationMs, Integer status, String error) {
    }
}
