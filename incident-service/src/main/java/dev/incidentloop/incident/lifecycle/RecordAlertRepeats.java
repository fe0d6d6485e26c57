package dev.incidentloop.incident.lifecycle;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Repeats of the alert that opened the incident, counted by intake since the last time they were recorded. Intake
 * sends this in the same transaction as it notes them recorded, so each repeat is recorded once.
 *
 * @param lastSeenAt      when the last of them was seen
 * @param intakePartition the intake partition the last of them was read from
 * @param intakeOffset    its offset there
 */
public record RecordAlertRepeats(@TargetAggregateIdentifier UUID incidentId, int repeats, Instant lastSeenAt,
                                 int intakePartition, long intakeOffset) {
}
