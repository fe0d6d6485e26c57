package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification about an incident reached its receiver.
 *
 * @param deliveryId the delivery's idempotency id, as the receiver saw it
 * @param channel    how it went out, e.g. {@code webhook}
 * @param receiver   which receiver, e.g. the webhook subscription's name
 * @param eventId    the event the notification was about
 * @param attempts   how many attempts it took
 */
public record NotificationDelivered(
        UUID incidentId,
        UUID deliveryId,
        String channel,
        String receiver,
        UUID eventId,
        String eventType,
        int attempts,
        Instant occurredAt) implements NotificationEvent {
}
