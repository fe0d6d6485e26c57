package dev.incidentloop.incident.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Repeats of the alert that opened the incident, read from one intake partition; offsets at or before the last one
 * counted are ignored, so a redelivered batch counts nothing twice. The result is whether they count: false if the
 * incident is no longer open, and then intake opens a new one.
 */
public record RecordAlertRepeats(
        @TargetAggregateIdentifier UUID incidentId, int intakePartition, List<Long> offsets,
                                 Instant lastSeenAt) {
}
