package dev.incidentloop.incident.classification;

import dev.incidentloop.events.HseGrade;
import dev.incidentloop.events.Priority;

/**
 * DOMAIN.md section 4, rule "Grade": an HSE accident takes the highest grade that any of deaths, serious injuries
 * (acute poisoning included) and direct loss reaches. "N以上" includes N; "N以下" excludes N.
 */
public final class HseGradePolicy {

    private HseGradePolicy() {
    }

    public static HseGrade grade(int deaths, int seriousInjuries, long directLossCny) {
        require(deaths >= 0 && seriousInjuries >= 0 && directLossCny >= 0, "counts and loss must not be negative");
        return highest(byDeaths(deaths), bySeriousInjuries(seriousInjuries), byDirectLoss(directLossCny));
    }

    static HseGrade byDeaths(int deaths) {
        if (deaths >= 30) {
            return HseGrade.EXTRAORDINARILY_SERIOUS;
        }
        if (deaths >= 10) {
            return HseGrade.SERIOUS;
        }
        if (deaths >= 3) {
            return HseGrade.MAJOR;
        }
        return deaths >= 1 ? HseGrade.ORDINARY : HseGrade.MINOR;
    }

    static HseGrade bySeriousInjuries(int injuries) {
        if (injuries >= 100) {
            return HseGrade.EXTRAORDINARILY_SERIOUS;
        }
        if (injuries >= 50) {
            return HseGrade.SERIOUS;
        }
        if (injuries >= 10) {
            return HseGrade.MAJOR;
        }
        return injuries >= 1 ? HseGrade.ORDINARY : HseGrade.MINOR;
    }

    static HseGrade byDirectLoss(long cny) {
        if (cny >= 100_000_000L) {
            return HseGrade.EXTRAORDINARILY_SERIOUS;
        }
        if (cny >= 50_000_000L) {
            return HseGrade.SERIOUS;
        }
        if (cny >= 10_000_000L) {
            return HseGrade.MAJOR;
        }
        return cny >= 500_000L ? HseGrade.ORDINARY : HseGrade.MINOR;
    }

    /** Grades are declared most serious first, so the highest is the one with the lowest ordinal. */
    private static HseGrade highest(HseGrade... grades) {
        HseGrade highest = HseGrade.MINOR;
        for (HseGrade grade : grades) {
            if (grade.ordinal() < highest.ordinal()) {
                highest = grade;
            }
        }
        return highest;
    }

    /** Extraordinarily serious, serious and major accidents are P1; ordinary P2; minor P3, a near miss P4. */
    public static Priority priority(HseGrade grade, boolean nearMiss) {
        return switch (grade) {
            case EXTRAORDINARILY_SERIOUS, SERIOUS, MAJOR -> Priority.P1;
            case ORDINARY -> Priority.P2;
            case MINOR -> nearMiss ? Priority.P4 : Priority.P3;
        };
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
