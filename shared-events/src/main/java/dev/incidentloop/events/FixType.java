package dev.incidentloop.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a resolution is a workaround or a permanent fix. */
public enum FixType {
    WORKAROUND("workaround"),
    PERMANENT("permanent");

    private final String wireName;

    FixType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
