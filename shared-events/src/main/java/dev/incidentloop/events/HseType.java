package dev.incidentloop.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** Kinds of HSE accident (DOMAIN.md section 4). */
public enum HseType {
    CASUALTY("casualty"),
    TRAFFIC("traffic"),
    FIRE_EXPLOSION("fire-explosion"),
    ENVIRONMENTAL("environmental"),
    NEAR_MISS("near-miss");

    private final String wireName;

    HseType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
