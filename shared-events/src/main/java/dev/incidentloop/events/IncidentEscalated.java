package dev.incidentloop.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The incident was escalated: a level of an escalation chain was notified.
 *
 * @param level      1 for the first level of this kind of chain, counting up
 * @param kind       functional (next line of support) or hierarchical (more authority)
 * @param reason     why: {@code response-sla}, {@code resolution-sla}, {@code manual}, {@code regulatory} (a reporting
 *                   obligation was missed) or {@code major} (the incident was classified as major)
 * @param target     the target that was missed; null for manual escalations
 * @param recipients the people notified, as user names resolved from schedules and roles at that moment
 * @param repeat     0 for the level's first notification, 1, 2, ... for its repeats
 * @param supportLine     the line of support the level pages, on the first notification of a functional level that
 *                        names one (the incident moves to that line); null otherwise
 * @param assignmentGroup the group that works that line for the incident's category; null when no line is paged
 */
public record IncidentEscalated(
        UUID incidentId,
        int level,
        EscalationKind kind,
        String reason,
        Priority priority,
        Duration target,
        List<String> recipients,
        int repeat,
        SupportLine supportLine,
        String assignmentGroup,
        Instant occurredAt) implements EscalationEvent {

    public IncidentEscalated {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
