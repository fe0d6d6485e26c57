package dev.incidentloop.incident.lifecycle;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ResolveIncident(@TargetAggregateIdentifier UUID incidentId, String resolvedBy, String resolutionCode,
                              String notes) {
}
