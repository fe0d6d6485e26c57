package dev.incidentloop.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** IATF 16949 emergency categories (DOMAIN.md section 6). */
public enum EmergencyKind {
    NATURAL_DISASTER("natural-disaster"),
    HUMAN_ACCIDENT("human-accident"),
    HEALTH_AND_SAFETY("health-and-safety"),
    IT_FAILURE("it-failure"),
    SUPPLY_CHAIN("supply-chain"),
    EQUIPMENT_FAILURE("equipment-failure"),
    SECURITY_BREACH("security-breach");

    private final String wireName;

    EmergencyKind(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
