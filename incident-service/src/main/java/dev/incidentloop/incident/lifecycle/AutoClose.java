package dev.incidentloop.incident.lifecycle;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * escalation-service found that nobody confirmed the resolution at {@code resolvedAt} within the confirmation period:
 * the incident is closed by the system, unless it was confirmed, reopened or resolved again meanwhile.
 */
public record AutoClose(@TargetAggregateIdentifier UUID incidentId, Instant resolvedAt) {
}
