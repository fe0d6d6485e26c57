package dev.incidentloop.incident.lifecycle;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CloseIncident(@TargetAggregateIdentifier UUID incidentId, String closedBy) {
}
