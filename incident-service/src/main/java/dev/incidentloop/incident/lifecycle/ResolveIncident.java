package dev.incidentloop.incident.lifecycle;

import dev.incidentloop.events.FixType;
import dev.incidentloop.events.SupportLine;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param expectedVersion the version the caller saw (If-Match), or null to act on whatever is current */
public record ResolveIncident(
        @TargetAggregateIdentifier UUID incidentId, String resolvedBy, String resolutionCode,
                              String resolutionNotes, SupportLine supportLine, FixType fixType,
        @TargetAggregateVersion Long expectedVersion) {
}
