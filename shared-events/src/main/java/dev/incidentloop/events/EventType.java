package dev.incidentloop.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The wire name and schema version of every event. Names are written here by hand, never derived from
 * Java class names, so that a class can be renamed or moved without changing the contract.
 */
public enum EventType {
    INCIDENT_REPORTED("dev.incidentloop.incident.reported", 2, IncidentReported.class),
    INCIDENT_CLASSIFIED("dev.incidentloop.incident.classified", 2, IncidentClassified.class),
    INCIDENT_RECLASSIFIED("dev.incidentloop.incident.reclassified", 2, IncidentReclassified.class),
    INCIDENT_ASSIGNED("dev.incidentloop.incident.assigned", 1, IncidentAssigned.class),
    INCIDENT_ACKNOWLEDGED("dev.incidentloop.incident.acknowledged", 1, IncidentAcknowledged.class),
    INCIDENT_PUT_ON_HOLD("dev.incidentloop.incident.put-on-hold", 1, IncidentPutOnHold.class),
    INCIDENT_RESUMED("dev.incidentloop.incident.resumed", 1, IncidentResumed.class),
    INCIDENT_RESOLVED("dev.incidentloop.incident.resolved", 2, IncidentResolved.class),
    RESOLUTION_CONFIRMED("dev.incidentloop.incident.resolution-confirmed", 2, ResolutionConfirmed.class),
    RESOLUTION_REJECTED("dev.incidentloop.incident.resolution-rejected", 2, ResolutionRejected.class),
    INCIDENT_REOPENED("dev.incidentloop.incident.reopened", 1, IncidentReopened.class),
    INCIDENT_CLOSED("dev.incidentloop.incident.closed", 1, IncidentClosed.class),
    INCIDENT_CANCELED("dev.incidentloop.incident.canceled", 1, IncidentCanceled.class),
    WORK_NOTE_ADDED("dev.incidentloop.incident.work-note-added", 1, WorkNoteAdded.class),
    INCIDENT_LINKED("dev.incidentloop.incident.linked", 1, IncidentLinked.class),
    ALERT_REPEATED("dev.incidentloop.incident.alert-repeated", 1, AlertRepeated.class),
    INCIDENT_ESCALATED("dev.incidentloop.escalation.escalated", 3, IncidentEscalated.class),
    SLA_DEADLINE_SET("dev.incidentloop.escalation.sla-deadline-set", 1, SlaDeadlineSet.class),
    SLA_WARNING("dev.incidentloop.escalation.sla-warning", 1, SlaWarning.class),
    SLA_BREACHED("dev.incidentloop.escalation.sla-breached", 1, SlaBreached.class),
    SLA_CLOCK_PAUSED("dev.incidentloop.escalation.sla-clock-paused", 1, SlaClockPaused.class),
    SLA_CLOCK_STOPPED("dev.incidentloop.escalation.sla-clock-stopped", 1, SlaClockStopped.class),
    REGULATORY_DEADLINE_SET("dev.incidentloop.escalation.regulatory-deadline-set", 1, RegulatoryDeadlineSet.class),
    REGULATORY_DEADLINE_MET("dev.incidentloop.escalation.regulatory-deadline-met", 1, RegulatoryDeadlineMet.class),
    REGULATORY_DEADLINE_MISSED("dev.incidentloop.escalation.regulatory-deadline-missed", 1,
            RegulatoryDeadlineMissed.class),
    RESOLUTION_UNCONFIRMED("dev.incidentloop.escalation.resolution-unconfirmed", 1, ResolutionUnconfirmed.class),
    NOTIFICATION_DELIVERED("dev.incidentloop.notification.delivered", 1, NotificationDelivered.class),
    NOTIFICATION_FAILED("dev.incidentloop.notification.failed", 1, NotificationFailed.class);

    private static final Map<String, EventType> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::typeName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(t -> t.javaType, Function.identity()));

    private final String name;
    private final int version;
    private final Class<? extends DomainEvent> javaType;

    EventType(String name, int version, Class<? extends DomainEvent> javaType) {
        this.name = name;
        this.version = version;
        this.javaType = javaType;
    }

    /** The CloudEvents {@code type}: name and version, e.g. {@code dev.incidentloop.incident.reported.v1}. */
    public String wireType() {
        return name + ".v" + version;
    }

    /** The name without its version, e.g. {@code dev.incidentloop.incident.reported}. */
    public String typeName() {
        return name;
    }

    public int version() {
        return version;
    }

    public Class<? extends DomainEvent> javaType() {
        return javaType;
    }

    /**
     * The type and version a wire type names, for the current version and for earlier versions that readers still
     * accept (see {@link WireUpcasters}).
     */
    public static Optional<Versioned> resolve(String wireType) {
        int at = wireType == null ? -1 : wireType.lastIndexOf(".v");
        if (at < 0) {
            return Optional.empty();
        }
        EventType type = BY_NAME.get(wireType.substring(0, at));
        int version;
        try {
            version = Integer.parseInt(wireType.substring(at + 2));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (type == null || version < 1 || version > type.version
                || (version < type.version && !WireUpcasters.canUpcast(type, version))) {
            return Optional.empty();
        }
        return Optional.of(new Versioned(type, version));
    }

    /** A type at one of its versions. */
    public record Versioned(EventType type, int version) {
    }

    /** The event type a Java class is the current version of, if any. */
    public static Optional<EventType> forClass(Class<?> javaType) {
        return Optional.ofNullable(BY_CLASS.get(javaType));
    }

    public static EventType of(DomainEvent event) {
        EventType type = BY_CLASS.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException("no wire type registered for " + event.getClass());
        }
        return type;
    }
}
