package dev.incidentloop.escalation.incident;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SecurityKind;
import java.time.Instant;
import java.util.UUID;

/**
 * What escalation-service knows of an incident from the incident stream.
 *
 * @param major         a major incident (see {@link MajorIncidents})
 * @param ehsLevel      the EHS recordable level, if it is one
 * @param securityKind  for an information-security report: an incident, an event or a weakness
 * @param team          the assignment group it was last assigned to
 * @param detectedAt    when a security incident was detected or an EHS event happened, as its report says
 * @param categorySince when it became of its category: its report, or the reclassification into it
 * @param doneAt        when it was resolved, closed or canceled; null while open
 */
public record TrackedIncident(UUID incidentId, Category category, Priority priority, boolean major, Integer ehsLevel,
                              SecurityKind securityKind, String team, Instant reportedAt, Instant detectedAt,
                              Instant categorySince, Instant classifiedAt, Instant doneAt) {
}
