package dev.incidentloop.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** Records an incident can refer to. */
public enum LinkType {
    PROBLEM("problem"),
    CHANGE("change");

    private final String wireName;

    LinkType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
