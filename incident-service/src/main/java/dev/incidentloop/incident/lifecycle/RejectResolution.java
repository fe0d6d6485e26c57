package dev.incidentloop.incident.lifecycle;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The reporter does not accept the resolution; the incident reopens.
 *
 * @param mayAnswerForReporter whether the caller works incidents (a responder), and so may reject for the reporter
 * @param expectedVersion      the version the caller saw (If-Match), or null to act on whatever is current */
public record RejectResolution(
        @TargetAggregateIdentifier UUID incidentId, String reason, String by, boolean mayAnswerForReporter,
        @TargetAggregateVersion Long expectedVersion) {
}
