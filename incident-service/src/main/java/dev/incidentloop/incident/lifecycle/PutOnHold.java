package dev.incidentloop.incident.lifecycle;

import dev.incidentloop.events.HoldReason;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param expectedVersion the version the caller saw (If-Match), or null to act on whatever is current */
public record PutOnHold(
        @TargetAggregateIdentifier UUID incidentId, HoldReason reason, String by,
        @TargetAggregateVersion Long expectedVersion) {
}
