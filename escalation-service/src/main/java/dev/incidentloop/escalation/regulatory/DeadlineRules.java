package dev.incidentloop.escalation.regulatory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of reporting obligations as pure decisions over their state; {@link RegulatoryDeadlines} stores what they
 * decide and sets the timers.
 *
 * <ul>
 *   <li>An obligation runs until it is fulfilled or missed, whatever happens to the incident meanwhile: a security
 *       incident contained in 30 minutes still has its leadership and disposal-plan deadlines.</li>
 *   <li>Every classification re-evaluates the obligations: the ones that now apply and are new are set; the ones set
 *       before are kept as they stand (met, missed or running), even when the new classification would not set them.
 *       </li>
 *   <li>An obligation the report itself fulfils is fulfilled by it only if it applied at the first classification;
 *       one that a reclassification adds must be recorded by a responder (the report did not meet it).</li>
 * </ul>
 */
final class DeadlineRules {

    private DeadlineRules() {
    }

    /** The obligations a classification sets: those wanted that are not set yet. */
    static List<Obligation> toSet(List<Obligation> wanted, Set<String> alreadySet, boolean firstClassification) {
        List<Obligation> added = new ArrayList<>();
        for (Obligation o : wanted) {
            if (!alreadySet.contains(o.name())) {
                added.add(firstClassification || !o.fulfilledByReport() ? o
                        : new Obligation(o.name(), o.referenceAt(), o.within(), false));
            }
        }
        return added;
    }

    /** What recording an obligation as fulfilled at {@code at} does. */
    enum Fulfilment {
        /** no such obligation */
        UNKNOWN,
        /** recorded before: nothing changes */
        ALREADY_FULFILLED,
        /** in time: met */
        MET,
        /** after its deadline, which had not been noticed yet: missed now, fulfilled late */
        LATE_MISSED_NOW,
        /** after its deadline, whose miss was published already: fulfilled late */
        LATE
    }

    static Fulfilment fulfil(Optional<RegulatoryDeadline> deadline, Instant at) {
        if (deadline.isEmpty()) {
            return Fulfilment.UNKNOWN;
        }
        RegulatoryDeadline d = deadline.get();
        if (d.fulfilledAt() != null) {
            return Fulfilment.ALREADY_FULFILLED;
        }
        if (d.missedAt() != null) {
            return Fulfilment.LATE;
        }
        return at.isAfter(d.dueAt()) ? Fulfilment.LATE_MISSED_NOW : Fulfilment.MET;
    }

    /** The deadline's timer fired: the obligation is missed unless it was fulfilled or missed already. */
    static boolean missedWhenDue(RegulatoryDeadline d) {
        return d.fulfilledAt() == null && d.missedAt() == null;
    }

    /** Whether a missed obligation is still not done, so that the chain it started must go on. */
    static boolean anyMissedAndOpen(Collection<RegulatoryDeadline> deadlines) {
        return deadlines.stream().anyMatch(d -> d.missedAt() != null && d.fulfilledAt() == null);
    }
}
