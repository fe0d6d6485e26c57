package dev.incidentloop.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** ISO 27001 terms: a security event (事态), an incident (事件) or a weakness (弱点). */
public enum SecurityKind {
    EVENT("event"),
    INCIDENT("incident"),
    WEAKNESS("weakness");

    private final String wireName;

    SecurityKind(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
