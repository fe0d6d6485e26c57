package dev.incidentloop.escalation.sla;

import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SlaClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Where one clock of one incident stands. The response clock runs from the classification until a responder
 * acknowledges; the resolution clock until the incident is resolved. Closing or canceling stops both.
 */
public record SlaClockState(
        UUID incidentId,
        SlaClock clock,
        Priority priority,
        Instant startedAt,
        Duration target,
        Instant dueAt,
        Instant stoppedAt,
        Instant breachedAt) {
}
