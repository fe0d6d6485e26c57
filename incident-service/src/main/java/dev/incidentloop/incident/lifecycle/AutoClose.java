package dev.incidentloop.incident.lifecycle;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes a resolved incident whose reporter has not confirmed within the configured working days. */
public record AutoClose(
        @TargetAggregateIdentifier UUID incidentId, Instant resolvedBefore) {
}
