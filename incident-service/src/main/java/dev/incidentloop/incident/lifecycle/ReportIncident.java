package dev.incidentloop.incident.lifecycle;

import dev.incidentloop.events.Classification;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The first command of an incident: its report and classification input. */
public record ReportIncident(
        @TargetAggregateIdentifier UUID incidentId, String title, String description,
                             Classification classification, String reportedBy, String channel) {
}
