package dev.incidentloop.events;

/** The incident stream, owned and published by incident-service. */
public sealed interface IncidentEvent extends DomainEvent
        permits IncidentReported, IncidentClassified, IncidentReclassified, IncidentAssigned, IncidentAcknowledged,
        IncidentPutOnHold, IncidentResumed, IncidentResolved, ResolutionConfirmed, ResolutionRejected,
        IncidentReopened, IncidentClosed, IncidentCanceled, WorkNoteAdded, IncidentLinked, AlertRepeated {
}
