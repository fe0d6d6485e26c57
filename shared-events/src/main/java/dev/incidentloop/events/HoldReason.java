package dev.incidentloop.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why an incident waits (On hold). */
public enum HoldReason {
    AWAITING_REPORTER("awaiting-reporter"),
    AWAITING_VENDOR("awaiting-vendor"),
    AWAITING_CHANGE("awaiting-change"),
    AWAITING_PROBLEM("awaiting-problem");

    private final String wireName;

    HoldReason(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
