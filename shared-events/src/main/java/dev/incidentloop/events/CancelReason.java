package dev.incidentloop.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why an incident was canceled rather than resolved. */
public enum CancelReason {
    DUPLICATE("duplicate"),
    NOT_AN_INCIDENT("not-an-incident");

    private final String wireName;

    CancelReason(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
