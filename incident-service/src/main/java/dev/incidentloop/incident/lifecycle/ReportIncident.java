package dev.incidentloop.incident.lifecycle;

import dev.incidentloop.events.Category;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReportIncident(
        @TargetAggregateIdentifier UUID incidentId,
        String title,
        String description,
        Category category,
        int impact,
        int urgency,
        String reportedBy,
        String channel) {
}
