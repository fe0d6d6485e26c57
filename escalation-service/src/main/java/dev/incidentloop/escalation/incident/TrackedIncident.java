package dev.incidentloop.escalation.incident;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Priority;
import java.time.Instant;
import java.util.UUID;

/**
 * What escalation-service knows of an incident from the incident stream.
 *
 * @param major      a major incident: its priority is one of the policy's major priorities, or its classification
 *                   says so (a major security incident; an HSE accident graded major or above)
 * @param ehsLevel   the EHS recordable level, if it is one
 * @param team       the assignment group it was last assigned to
 * @param detectedAt when a security incident was detected, as its report says
 * @param doneAt     when it was resolved, closed or canceled; null while open
 */
public record TrackedIncident(UUID incidentId, Category category, Priority priority, boolean major, Integer ehsLevel,
                              String team, Instant reportedAt, Instant detectedAt, Instant classifiedAt,
                              Instant doneAt) {
}
