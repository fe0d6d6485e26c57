package dev.incidentloop.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event as it travels between services: a CloudEvents 1.0 envelope around a domain event.
 *
 * @param id       unique per event; consumers deduplicate by it
 * @param source   the producing service, e.g. {@code /incident-service}
 * @param time     when the event happened
 * @param sequence position of the event in its incident's stream (0-based), per producing service
 * @param data     the domain event; its incident id is the CloudEvents {@code subject} and the Kafka key
 */
public record EventEnvelope(UUID id, String source, Instant time, long sequence, DomainEvent data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    public UUID incidentId() {
        return data.incidentId();
    }

    public EventType type() {
        return EventType.of(data);
    }
}
