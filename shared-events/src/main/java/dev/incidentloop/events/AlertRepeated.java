package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The monitoring system that reported the incident raised the same alert again. Intake counts repeats as it reads
 * them and records them in the incident's history in batches, seconds later (minutes in a long storm), so one event
 * may count thousands; the last batch may come after the incident was resolved, as its repeats came before.
 *
 * @param repeats         how many repeats this event counts
 * @param occurrences     the alert's occurrences so far, the first report included
 * @param intakePartition the intake partition the last of these repeats was read from
 * @param intakeOffset    the offset of the last of these repeats there
 */
public record AlertRepeated(
        UUID incidentId, int repeats, long occurrences, Instant lastSeenAt, int intakePartition,
        long intakeOffset, Instant occurredAt) implements IncidentEvent {
}
