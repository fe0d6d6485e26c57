package dev.incidentloop.incident.lifecycle;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param expectedVersion the version the caller saw (If-Match), or null to act on whatever is current */
public record CloseIncident(
        @TargetAggregateIdentifier UUID incidentId, String closedBy,
        @TargetAggregateVersion Long expectedVersion) {
}
