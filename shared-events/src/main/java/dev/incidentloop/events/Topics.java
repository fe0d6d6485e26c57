package dev.incidentloop.events;

import java.util.List;

/**
 * The topic catalogue. Keys are UTF-8 strings; values are UTF-8 JSON, serialized with {@link EnvelopeSerde}
 * for the event streams and as {@link IntakeReport} for intake.
 */
public final class Topics {

    /*
     * The names as constants, for annotations such as a listener's topics, which take nothing else; everything else
     * uses the specs below.
     */
    public static final String INTAKE_NAME = "incident.intake.v1";
    public static final String INCIDENT_EVENTS_NAME = "incident.events.v1";
    public static final String ESCALATION_EVENTS_NAME = "escalation.events.v1";
    public static final String NOTIFICATION_EVENTS_NAME = "notification.events.v1";

    /**
     * Reports from other systems. Key: the report's dedup key, so that one alert's records stay in order. Value:
     * {@link IntakeReport} JSON.
     */
    public static final TopicSpec INTAKE =
            new TopicSpec(INTAKE_NAME, "dedupKey", "IntakeReport JSON (schemas/intake-report.v1.schema.json)",
                    false);

    /** The incident stream, written only by incident-service. Key: incident id. */
    public static final TopicSpec INCIDENT_EVENTS =
            new TopicSpec(INCIDENT_EVENTS_NAME, "incidentId", "CloudEvent JSON with an IncidentEvent as data", true);

    /** The escalation stream, written only by escalation-service. Key: incident id. */
    public static final TopicSpec ESCALATION_EVENTS =
            new TopicSpec(ESCALATION_EVENTS_NAME, "incidentId", "CloudEvent JSON with an EscalationEvent as data", true);

    /** The notification stream, written only by notification-service. Key: incident id. */
    public static final TopicSpec NOTIFICATION_EVENTS =
            new TopicSpec(NOTIFICATION_EVENTS_NAME, "incidentId", "CloudEvent JSON with a NotificationEvent as data",
                    true);

    public static final List<TopicSpec> ALL = List.of(INTAKE, INCIDENT_EVENTS, ESCALATION_EVENTS, NOTIFICATION_EVENTS);

    /** Partitions each topic is created with; records of one incident always share a partition. */
    public static final int PARTITIONS = 3;

    private Topics() {
    }

    /** The topic of the stream an event belongs to: each stream has one, written by the service that owns it. */
    public static TopicSpec of(DomainEvent event) {
        return switch (event) {
            case IncidentEvent e -> INCIDENT_EVENTS;
            case EscalationEvent e -> ESCALATION_EVENTS;
            case NotificationEvent e -> NOTIFICATION_EVENTS;
        };
    }
}
