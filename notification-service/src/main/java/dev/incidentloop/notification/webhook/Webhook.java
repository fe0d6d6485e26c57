package dev.incidentloop.notification.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/**
 * A webhook subscription: where to deliver, the secret deliveries are signed with, and which events it wants. An
 * empty filter list means any.
 *
 * @param eventTypes event type names without version, e.g. {@code dev.incidentloop.escalation.escalated}
 */
public record Webhook(
        UUID id,
        String name,
        String url,
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String secret,
        List<String> categories,
        List<String> priorities,
        List<String> teams,
        List<String> eventTypes) {

    public Webhook {
        categories = categories == null ? List.of() : List.copyOf(categories);
        priorities = priorities == null ? List.of() : List.copyOf(priorities);
        teams = teams == null ? List.of() : List.copyOf(teams);
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
    }

    /** Whether an event of this type, about an incident with these attributes, is wanted. */
    boolean wants(String eventType, String category, String priority, String team) {
        return matches(eventTypes, eventType) && matches(categories, category) && matches(priorities, priority)
                && matches(teams, team);
    }

    private static boolean matches(List<String> filter, String value) {
        return filter.isEmpty() || (value != null && filter.contains(value));
    }
}
