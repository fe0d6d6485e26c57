package dev.incidentloop.events;

/** The notification stream, owned and published by notification-service. */
public sealed interface NotificationEvent extends DomainEvent permits NotificationDelivered, NotificationFailed {
}
