package dev.incidentloop.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** HSE accident grades, most serious first (DOMAIN.md section 4). */
public enum HseGrade {
    EXTRAORDINARILY_SERIOUS("extraordinarily-serious"),
    SERIOUS("serious"),
    MAJOR("major"),
    ORDINARY("ordinary"),
    MINOR("minor");

    private final String wireName;

    HseGrade(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
