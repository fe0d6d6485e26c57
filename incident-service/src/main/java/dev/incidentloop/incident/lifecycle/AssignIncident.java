package dev.incidentloop.incident.lifecycle;

import dev.incidentloop.events.SupportLine;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param expectedVersion the version the caller saw (If-Match), or null to act on whatever is current */
public record AssignIncident(
        @TargetAggregateIdentifier UUID incidentId, String assignmentGroup, String assignee,
                             SupportLine supportLine, String reason, String assignedBy,
        @TargetAggregateVersion Long expectedVersion) {
}
