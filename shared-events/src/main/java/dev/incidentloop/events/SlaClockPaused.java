package dev.incidentloop.events;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A service-level clock stopped counting while the incident waits for its reporter or a vendor. When it resumes, a
 * new SlaDeadlineSet gives the moved deadline.
 *
 * @param elapsed the working time counted before the pause
 */
public record SlaClockPaused(
        UUID incidentId,
        SlaClock clock,
        Duration elapsed,
        Instant occurredAt) implements EscalationEvent {
}
