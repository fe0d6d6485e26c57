package dev.incidentloop.escalation.regulatory;

import dev.incidentloop.escalation.incident.TrackedIncident;
import java.util.List;

/** A procedure's reporting obligations for an incident, decided once it is classified. */
interface ReportingDeadlinePolicy {

    List<Obligation> obligations(TrackedIncident incident);
}
