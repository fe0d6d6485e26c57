package dev.incidentloop.incident.classification;

import dev.incidentloop.events.Priority;

/**
 * DOMAIN.md section 2, rule "Priority": impact (1 high .. 3 low) x urgency (1 high .. 3 low) gives P1..P5 by the
 * standard ITIL 3x3 matrix, i.e. priority = impact + urgency - 1.
 */
public final class ItPriorityMatrix {

    private ItPriorityMatrix() {
    }

    public static Priority priorityOf(int impact, int urgency) {
        requireLevel("impact", impact);
        requireLevel("urgency", urgency);
        return Priority.values()[impact + urgency - 2];
    }

    private static void requireLevel(String name, int value) {
        if (value < 1 || value > 3) {
            throw new IllegalArgumentException(name + " must be 1 (high), 2 or 3 (low), was " + value);
        }
    }
}
