package dev.incidentloop.incident.lifecycle;

import dev.incidentloop.events.SupportLine;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** escalation-service escalated the incident: it moves to the next line of support. A level that
 * was already applied is ignored. */
public record EscalateToNextLine(
        @TargetAggregateIdentifier UUID incidentId, int level, String reason,
                                 Map<SupportLine, String> groupsByLine) {
}
