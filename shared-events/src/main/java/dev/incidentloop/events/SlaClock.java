package dev.incidentloop.events;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The two service-level clocks every incident has (DOMAIN.md section 2, KPI rule "responded within target" and
 * "resolved within target"): the response clock runs until someone acknowledges, the resolution clock until the
 * incident is resolved.
 */
public enum SlaClock {
    RESPONSE("response"),
    RESOLUTION("resolution");

    private final String wireName;

    SlaClock(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
