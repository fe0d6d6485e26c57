package dev.incidentloop.incident.lifecycle;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AcknowledgeIncident(@TargetAggregateIdentifier UUID incidentId, String acknowledgedBy) {
}
