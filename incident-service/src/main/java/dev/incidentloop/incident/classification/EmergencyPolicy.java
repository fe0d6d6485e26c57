package dev.incidentloop.incident.classification;

import dev.incidentloop.events.EmergencyKind;
import dev.incidentloop.events.Priority;

/**
 * DOMAIN.md section 6: emergencies threaten people or the plant, and are P1; disruptions of systems, supply and
 * equipment are P2.
 */
public final class EmergencyPolicy {

    private EmergencyPolicy() {
    }

    public static Priority priority(EmergencyKind kind) {
        return switch (kind) {
            case NATURAL_DISASTER, HUMAN_ACCIDENT, HEALTH_AND_SAFETY, SECURITY_BREACH -> Priority.P1;
            case IT_FAILURE, SUPPLY_CHAIN, EQUIPMENT_FAILURE -> Priority.P2;
        };
    }
}
