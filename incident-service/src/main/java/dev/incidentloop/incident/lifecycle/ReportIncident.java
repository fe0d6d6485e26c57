package dev.incidentloop.incident.lifecycle;

import dev.incidentloop.events.Classification;
import dev.incidentloop.events.ReportedAlert;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The first command of an incident: its report and classification input.
 *
 * @param alert what a monitoring system said about the alert behind it, or null
 * @param team  the group the reporting system's integration belongs to, which takes the incident first; or null
 */
public record ReportIncident(
        @TargetAggregateIdentifier UUID incidentId, String title, String description,
                             Classification classification, String reportedBy, String channel,
        ReportedAlert alert, String team) {

    /** A report by a person: no alert behind it, no team named. */
    public ReportIncident(UUID incidentId, String title, String description, Classification classification,
                          String reportedBy, String channel) {
        this(incidentId, title, description, classification, reportedBy, channel, null, null);
    }
}
