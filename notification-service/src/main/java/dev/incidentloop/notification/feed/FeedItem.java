package dev.incidentloop.notification.feed;

import java.time.Instant;
import java.util.UUID;

/**
 * One item of a feed.
 *
 * @param read whether the asking user has marked it read; null on the live stream
 */
public record FeedItem(long id, UUID eventId, UUID incidentId, String type, String summary, Instant occurredAt,
                       Boolean read) {
}
