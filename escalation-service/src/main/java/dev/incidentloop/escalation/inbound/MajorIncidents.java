package dev.incidentloop.escalation.inbound;

import dev.incidentloop.escalation.policy.EscalationPolicy;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.HseGrade;
import dev.incidentloop.events.Priority;
import java.util.Set;

/**
 * DOMAIN.md section 2, rule "Escalation": hierarchical escalation is for major incidents. An incident is major when
 * its priority is one of the policy's major priorities (P1 unless the policy says otherwise), or when its
 * classification makes it one: a major information-security incident (section 3: reported as such, or of critical
 * severity), an HSE accident graded major or above (section 4), an EHS level-3 event (section 5: investigated, its
 * report goes up to the general manager), or an emergency of any of the kinds section 6 names (each is defined by its
 * significant impact on the organisation).
 */
final class MajorIncidents {

    private static final Set<HseGrade> MAJOR_GRADES =
            Set.of(HseGrade.MAJOR, HseGrade.SERIOUS, HseGrade.EXTRAORDINARILY_SERIOUS);

    private MajorIncidents() {
    }

    static boolean isMajor(Priority priority, Classification classification, EscalationPolicy policy) {
        if (policy.majorPriorities().contains(priority)) {
            return true;
        }
        return switch (classification) {
            case Classification.InformationSecurity c -> c.major();
            case Classification.HseAccident c -> MAJOR_GRADES.contains(c.grade());
            case Classification.EhsRecordable c -> c.level() >= 3;
            case Classification.Emergency c -> true;
            case Classification.ItService c -> false;
        };
    }
}
