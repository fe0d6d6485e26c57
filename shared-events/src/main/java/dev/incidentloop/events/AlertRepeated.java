package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The monitoring system that reported the incident raised the same alert again.
 *
 * @param repeats     how many repeats this event counts (repeats are collapsed into one event)
 * @param occurrences the alert's occurrences so far, the first report included
 * @param intakePartition the intake partition the repeats were read from
 * @param intakeOffset    the offset of the last repeat counted; repeats at or before it are never counted again
 */
public record AlertRepeated(
        UUID incidentId, int repeats, long occurrences, Instant lastSeenAt, int intakePartition,
        long intakeOffset, Instant occurredAt) implements IncidentEvent {
}
