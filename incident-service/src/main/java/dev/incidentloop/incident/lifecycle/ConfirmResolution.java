package dev.incidentloop.incident.lifecycle;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The reporter accepts the resolution (satisfaction 1..5); the incident closes.
 *
 * @param mayAnswerForReporter whether the caller works incidents (a responder), and so may confirm for a reporter
 *                             who told them (a service desk's call-back)
 * @param expectedVersion      the version the caller saw (If-Match), or null to act on whatever is current */
public record ConfirmResolution(
        @TargetAggregateIdentifier UUID incidentId, int satisfaction, String comment,
                                String by, boolean mayAnswerForReporter,
        @TargetAggregateVersion Long expectedVersion) {
}
