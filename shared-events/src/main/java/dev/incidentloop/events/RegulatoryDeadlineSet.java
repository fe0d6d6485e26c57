package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A reporting obligation of the procedures applies to the incident (DOMAIN.md sections 3 and 5), e.g.
 * {@code security-leadership-informed} within 2 hours of receipt.
 *
 * @param deadline    the obligation's name
 * @param referenceAt the instant the period runs from (detection, receipt)
 */
public record RegulatoryDeadlineSet(
        UUID incidentId,
        String deadline,
        Instant referenceAt,
        Instant dueAt,
        Instant occurredAt) implements EscalationEvent {
}
