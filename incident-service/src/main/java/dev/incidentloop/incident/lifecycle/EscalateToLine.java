package dev.incidentloop.incident.lifecycle;

import dev.incidentloop.events.SupportLine;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * escalation-service paged a line of support for the incident: it moves to that line's group, unless the level was
 * applied already or the incident is on that line or a higher one.
 */
public record EscalateToLine(@TargetAggregateIdentifier UUID incidentId, int level, String reason, SupportLine line,
                             String assignmentGroup) {
}
