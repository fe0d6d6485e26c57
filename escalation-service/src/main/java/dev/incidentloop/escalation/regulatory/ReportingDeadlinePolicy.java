package dev.incidentloop.escalation.regulatory;

import dev.incidentloop.escalation.incident.TrackedIncident;
import java.util.List;

/** A procedure's reporting obligations for an incident as it is classified now; a pure function of what is known of it. */
interface ReportingDeadlinePolicy {

    List<Obligation> obligations(TrackedIncident incident);
}
