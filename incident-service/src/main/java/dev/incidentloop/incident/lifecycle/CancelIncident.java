package dev.incidentloop.incident.lifecycle;

import dev.incidentloop.events.CancelReason;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param expectedVersion the version the caller saw (If-Match), or null to act on whatever is current */
public record CancelIncident(
        @TargetAggregateIdentifier UUID incidentId, CancelReason reason, UUID duplicateOf,
                             String by,
        @TargetAggregateVersion Long expectedVersion) {
}
