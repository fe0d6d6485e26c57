package dev.incidentloop.incident.classification;

import dev.incidentloop.events.Priority;

/**
 * DOMAIN.md section 5, rule "Level": an EHS recordable event's level comes from its predicted worst or actual loss:
 * below 10,000 CNY level 1; 10,000 up to 30,000 level 2; 30,000 and more level 3.
 */
public final class EhsLevelPolicy {

    private EhsLevelPolicy() {
    }

    public static int level(long lossCny) {
        if (lossCny < 0) {
            throw new IllegalArgumentException("loss must not be negative");
        }
        if (lossCny >= 30_000) {
            return 3;
        }
        return lossCny >= 10_000 ? 2 : 1;
    }

    /** Level 3 (investigated, reported to the general manager) is P2; level 2 P3; level 1 P4. */
    public static Priority priority(int level) {
        return switch (level) {
            case 3 -> Priority.P2;
            case 2 -> Priority.P3;
            default -> Priority.P4;
        };
    }
}
