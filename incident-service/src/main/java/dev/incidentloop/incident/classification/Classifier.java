package dev.incidentloop.incident.classification;

import dev.incidentloop.events.Classification;
import dev.incidentloop.events.HseType;
import dev.incidentloop.events.Priority;

/**
 * Applies each category's policy: fills in what the policy derives (a security incident's major flag, an HSE
 * grade, an EHS level) and gives every category a priority, so that escalation and reporting treat all alike.
 */
public final class Classifier {

    /** A classification with its derived fields filled in, and the priority it gives. */
    public record Result(Classification classification, Priority priority) {
    }

    private Classifier() {
    }

    public static Result classify(Classification input) {
        return switch (input) {
            case Classification.ItService it -> new Result(it, ItPriorityMatrix.priorityOf(it.impact(), it.urgency()));
            case Classification.InformationSecurity s -> {
                boolean major = SecurityPolicy.major(s.securityKind(), s.severity(), s.major());
                var classified = new Classification.InformationSecurity(s.securityKind(), s.severity(), major,
                        s.detectedAt(), s.place(), s.department(), s.summary(), s.lossEstimateCny(),
                        s.causeEstimate(), s.evidencePreserved());
                yield new Result(classified, SecurityPolicy.priority(s.securityKind(), s.severity(), major));
            }
            case Classification.HseAccident h -> {
                var grade = HseGradePolicy.grade(h.deaths(), h.seriousInjuries(), h.directLossCny());
                yield new Result(new Classification.HseAccident(h.accidentType(), h.deaths(), h.seriousInjuries(),
                        h.directLossCny(), grade),
                        HseGradePolicy.priority(grade, h.accidentType() == HseType.NEAR_MISS));
            }
            case Classification.EhsRecordable e -> {
                int level = EhsLevelPolicy.level(e.lossCny());
                yield new Result(new Classification.EhsRecordable(e.lossCny(), e.actual(), level, e.happenedAt()),
                        EhsLevelPolicy.priority(level));
            }
            case Classification.Emergency e -> new Result(e, EmergencyPolicy.priority(e.emergencyKind()));
        };
    }
}
