package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification about an incident was given up: the receiver refused it for good (a 4xx other than 429), or it was
 * dead-lettered after its last retry.
 *
 * @param lastStatus the receiver's last HTTP status, null when it did not answer
 * @param reason     why, e.g. {@code 410 Gone} or {@code timeout after 5 attempts}
 */
public record NotificationFailed(
        UUID incidentId,
        UUID deliveryId,
        String channel,
        String receiver,
        UUID eventId,
        String eventType,
        int attempts,
        Integer lastStatus,
        String reason,
        Instant occurredAt) implements NotificationEvent {
}
