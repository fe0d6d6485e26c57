package dev.incidentloop.incident.classification;

import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SecurityKind;

/**
 * DOMAIN.md section 3: security events, incidents and weaknesses. Severe (major) incidents are those above a set
 * severity: here, reported as major or of critical severity (1). Major incidents get the 24-hour reporting
 * deadline and a root-cause investigation, so they are P1.
 */
public final class SecurityPolicy {

    private SecurityPolicy() {
    }

    public static boolean major(SecurityKind kind, int severity, boolean reportedMajor) {
        requireSeverity(severity);
        return kind == SecurityKind.INCIDENT && (reportedMajor || severity == 1);
    }

    /** Major P1; other incidents by severity (2 P2, 3 P3, 4 P4); events P4; weaknesses P5. */
    public static Priority priority(SecurityKind kind, int severity, boolean major) {
        requireSeverity(severity);
        if (major) {
            return Priority.P1;
        }
        return switch (kind) {
            case INCIDENT -> Priority.values()[Math.max(severity, 2) - 1];
            case EVENT -> Priority.P4;
            case WEAKNESS -> Priority.P5;
        };
    }

    private static void requireSeverity(int severity) {
        if (severity < 1 || severity > 4) {
            throw new IllegalArgumentException("severity must be 1 (critical) to 4 (low), was " + severity);
        }
    }
}
