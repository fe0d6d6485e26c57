package dev.incidentloop.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** Lines of support (DOMAIN.md section 2): first line, specialists, external vendors. */
public enum SupportLine {
    FIRST("first"),
    SECOND("second"),
    VENDOR("vendor");

    private final String wireName;

    SupportLine(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
