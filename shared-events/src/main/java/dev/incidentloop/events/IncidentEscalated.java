package dev.incidentloop.events;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Nobody handled the incident in time.
 *
 * @param level  1 for the first escalation of this incident, counting up
 * @param reason why, e.g. {@code response-sla}
 * @param target the response target that was missed
 */
public record IncidentEscalated(
        UUID incidentId,
        int level,
        String reason,
        Priority priority,
        Duration target,
        Instant occurredAt) implements EscalationEvent {
}
