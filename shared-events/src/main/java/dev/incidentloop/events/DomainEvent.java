package dev.incidentloop.events;

import java.time.Instant;
import java.util.UUID;

/** Something that happened to one incident. Every stream's events are keyed by the incident id. */
public sealed interface DomainEvent permits IncidentEvent, EscalationEvent, NotificationEvent {

    UUID incidentId();

    Instant occurredAt();
}
