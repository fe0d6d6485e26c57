package dev.incidentloop.events;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * DOMAIN.md section 2, rule "Escalation": functional escalation hands the incident to a more skilled line (first line,
 * second line, vendor); hierarchical escalation informs people with more authority (team lead, manager, director).
 */
public enum EscalationKind {
    FUNCTIONAL("functional"),
    HIERARCHICAL("hierarchical");

    private final String wireName;

    EscalationKind(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
