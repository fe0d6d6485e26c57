package dev.incidentloop.escalation.regulatory;

import dev.incidentloop.escalation.calendar.Target;
import java.time.Instant;

/**
 * One reporting obligation of an incident: by when what must be done.
 *
 * @param name            e.g. {@code security-leadership-informed}
 * @param referenceAt     what the period runs from (detection, receipt)
 * @param within          the period
 * @param fulfilledByReport true when filing the incident report itself fulfils it (at the report's time); false
 *                        when a responder records it
 */
public record Obligation(String name, Instant referenceAt, Target within, boolean fulfilledByReport) {
}
