package dev.incidentloop.incident.lifecycle;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The reporter does not accept the resolution; the incident reopens.
 *
 * @param expectedVersion the version the caller saw (If-Match), or null to act on whatever is current */
public record RejectResolution(
        @TargetAggregateIdentifier UUID incidentId, String reason, String by,
        @TargetAggregateVersion Long expectedVersion) {
}
