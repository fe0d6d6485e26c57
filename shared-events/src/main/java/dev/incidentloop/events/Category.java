package dev.incidentloop.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** The procedure an incident falls under (DOMAIN.md section 7). */
public enum Category {
    IT_SERVICE("it-service"),
    INFORMATION_SECURITY("information-security"),
    HSE_ACCIDENT("hse-accident"),
    EHS_RECORDABLE("ehs-recordable"),
    EMERGENCY("emergency");

    private final String wireName;

    Category(String wireName) {
        this.wireName = wireName;
    }

    /** How the category is written in events, in the API and in the read models. */
    @JsonValue
    public String wireName() {
        return wireName;
    }
}
