package dev.incidentloop.events;

/** The incident stream, owned and published by incident-service. */
public sealed interface IncidentEvent extends DomainEvent
        permits IncidentReported, IncidentClassified, IncidentAcknowledged, IncidentResolved, IncidentClosed,
        WorkNoteAdded {
}
