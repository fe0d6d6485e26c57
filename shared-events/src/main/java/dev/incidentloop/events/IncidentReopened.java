package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A resolved incident is back in progress.
 *
 * @param reopenCount how many times it has been reopened, this time included
 */
public record IncidentReopened(
        UUID incidentId, String reason, int reopenCount, String by, Instant occurredAt) implements IncidentEvent {
}
