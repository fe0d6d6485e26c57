package dev.incidentloop.incident.lifecycle;

import dev.incidentloop.events.Classification;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param expectedVersion the version the caller saw (If-Match), or null to act on whatever is current */
public record ReclassifyIncident(
        @TargetAggregateIdentifier UUID incidentId, Classification classification, String reason,
                                 String by,
        @TargetAggregateVersion Long expectedVersion) {
}
