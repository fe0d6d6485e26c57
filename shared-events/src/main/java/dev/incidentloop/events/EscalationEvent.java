package dev.incidentloop.events;

/** The escalation stream, owned and published by escalation-service. */
public sealed interface EscalationEvent extends DomainEvent permits IncidentEscalated, SlaDeadlineSet, SlaWarning,
        SlaBreached, SlaClockPaused,
        SlaClockStopped, RegulatoryDeadlineSet, RegulatoryDeadlineMet, RegulatoryDeadlineMissed, ResolutionUnconfirmed {
}
