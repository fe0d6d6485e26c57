package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/** A note on the work done, appended to the incident's record; notes are never edited or removed. */
public record WorkNoteAdded(UUID incidentId, String author, String text, Instant occurredAt) implements IncidentEvent {
}
