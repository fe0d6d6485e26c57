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
    INCIDENT_REPORTED("dev.incidentloop.incident.reported", 1, IncidentReported.class),
    INCIDENT_CLASSIFIED("dev.incidentloop.incident.classified", 1, IncidentClassified.class),
    INCIDENT_ACKNOWLEDGED("dev.incidentloop.incident.acknowledged", 1, IncidentAcknowledged.class),
    INCIDENT_RESOLVED("dev.incidentloop.incident.resolved", 1, IncidentResolved.class),
    INCIDENT_CLOSED("dev.incidentloop.incident.closed", 1, IncidentClosed.class),
    WORK_NOTE_ADDED("dev.incidentloop.incident.work-note-added", 1, WorkNoteAdded.class),
    INCIDENT_ESCALATED("dev.incidentloop.escalation.escalated", 1, IncidentEscalated.class);

    private static final Map<String, EventType> BY_WIRE_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wireType, Function.identity()));
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

    public int version() {
        return version;
    }

    public Class<? extends DomainEvent> javaType() {
        return javaType;
    }

    public static Optional<EventType> fromWireType(String wireType) {
        return Optional.ofNullable(BY_WIRE_TYPE.get(wireType));
    }

    public static EventType of(DomainEvent event) {
        EventType type = BY_CLASS.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException("no wire type registered for " + event.getClass());
        }
        return type;
    }
}
