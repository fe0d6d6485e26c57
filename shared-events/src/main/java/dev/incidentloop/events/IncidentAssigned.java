package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The incident was given to a group, a person and a line of support.
 *
 * @param reassignments   how many times it had been assigned before this (0 for the first assignment)
 * @param escalationLevel the escalation that moved it, or null for an assignment by a person
 */
public record IncidentAssigned(
        UUID incidentId, String assignmentGroup, String assignee, SupportLine supportLine, int reassignments,
        String reason, Integer escalationLevel, String assignedBy, Instant occurredAt) implements IncidentEvent {
}
