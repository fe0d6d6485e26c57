package dev.incidentloop.escalation.response;

import dev.incidentloop.events.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The response clock of one incident: it runs from the report until a responder acknowledges (or the incident is
 * resolved or closed first).
 */
public record ResponseClock(
        UUID incidentId,
        Priority priority,
        Instant startedAt,
        Duration target,
        Instant dueAt,
        Instant stoppedAt,
        Instant escalatedAt) {
}
