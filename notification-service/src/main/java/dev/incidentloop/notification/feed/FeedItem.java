package dev.incidentloop.notification.feed;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification for on-call staff.
 *
 * @param id      increasing; the SSE id, so a client resumes after the last one it saw
 * @param eventId the event it came from; an event makes at most one item
 * @param type    the event's wire type without the version, e.g. {@code dev.incidentloop.incident.reported}
 */
public record FeedItem(long id, UUID eventId, UUID incidentId, String type, String summary, Instant occurredAt) {
}
