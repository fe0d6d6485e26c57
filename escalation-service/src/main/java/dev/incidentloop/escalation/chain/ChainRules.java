package dev.incidentloop.escalation.chain;

import dev.incidentloop.escalation.calendar.Calendar;
import dev.incidentloop.escalation.incident.TrackedIncident;
import dev.incidentloop.escalation.policy.EscalationPolicy;
import dev.incidentloop.events.EscalationKind;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.events.SupportLine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of an escalation chain (DOMAIN.md section 2, rules "Escalation" and "Lines of support") as pure decisions:
 * given where the incident's chain of one kind stands and what happened, where it stands next, which notification is
 * published, and which step timers are set or cancelled. {@link Chains} loads and stores the chain, sets the timers
 * and publishes around them.
 *
 * <p>A chain notifies its levels in turn ({@code after} counted from the chain's start), each again up to
 * {@code repeat} times, {@code every} apart, as long as the next level is not due; it stops when what started it is
 * handled, and started again goes on from the level it had reached (an incident never escalates back down).
 */
final class ChainRules {

    private ChainRules() {
    }

    /**
     * Where one chain of one incident stands.
     *
     * @param nextLevel  the level (0-based) notified next; the number of levels once every level was notified
     * @param nextRepeat the repeat of that level notified next
     * @param stoppedAt  when what started it was handled; null while it runs
     */
    record Run(String reason, Chains.StopOn stopOn, Duration target, Instant startedAt, int nextLevel, int nextRepeat,
               Instant nextAt, Instant stoppedAt) {

        boolean running() {
            return stoppedAt == null;
        }
    }

    /** A chain's levels, from the incident's policy, and the calendar their times count on. */
    record Plan(EscalationPolicy policy, List<EscalationPolicy.Level> levels, Calendar calendar) {
    }

    /** A step: the notification of a level's repeat, due at {@code at}. */
    record Step(int level, int repeat, Instant at) {
    }

    /** Who a level names at this moment: users as given, schedules and roles resolved to who is on call. */
    interface Recipients {
        List<String> of(EscalationPolicy.Level level, String team);
    }

    /**
     * What a rule decided.
     *
     * @param run      the chain as it now stands; null when nothing changes
     * @param notified the notification published, if a level was notified
     * @param schedule the step to set, if any
     * @param cancel   the step to cancel, if any
     */
    record Decision(Run run, IncidentEscalated notified, Step schedule, Step cancel) {

        static final Decision NONE = new Decision(null, null, null, null);

        boolean changes() {
            return run != null;
        }
    }

    /**
     * A missed clock, a missed obligation or a major classification starts the chain, or starts it again after it
     * stopped. A running chain is left as it is, except that a missed obligation makes it run past the resolution.
     */
    static Decision start(Optional<Run> current, Plan plan, String reason, Chains.StopOn stopOn, Duration target,
                          Instant at) {
        if (plan.levels().isEmpty()) {
            return Decision.NONE;
        }
        if (current.isPresent() && current.get().running()) {
            Run run = current.get();
            return stopOn == Chains.StopOn.FULFILMENT && run.stopOn() != Chains.StopOn.FULFILMENT
                    ? new Decision(new Run(run.reason(), stopOn, run.target(), run.startedAt(), run.nextLevel(),
                    run.nextRepeat(), run.nextAt(), null), null, null, null)
                    : Decision.NONE;
        }
        int level = current.map(Run::nextLevel).orElse(0);
        if (level >= plan.levels().size()) {
            return Decision.NONE; // every level was notified
        }
        Instant due = notBefore(plan.levels().get(level).after().due(plan.calendar(), at), at);
        return new Decision(new Run(reason, stopOn, target, at, level, 0, due, null), null, new Step(level, 0, due),
                null);
    }

    /**
     * A responder escalates by hand: the chain's next level is notified now (reason {@code manual}) and the chain
     * goes on from there until the resolution; without a running chain, one is started at its next level. Nothing
     * when every level was notified.
     */
    static Decision manual(Optional<Run> current, Plan plan, TrackedIncident incident, EscalationKind kind,
                           Recipients recipients, Instant now) {
        int level = current.map(Run::nextLevel).orElse(0);
        if (level >= plan.levels().size()) {
            return Decision.NONE;
        }
        Step pending = current.filter(Run::running).map(r -> new Step(r.nextLevel(), r.nextRepeat(), null))
                .orElse(null);
        Run manual = new Run("manual", Chains.StopOn.RESOLVE, null, now, level, 0, null, null);
        Decision notified = notifyAndAdvance(manual, plan, incident, kind, level, 0, recipients, now);
        return new Decision(notified.run(), notified.notified(), notified.schedule(), pending);
    }

    /** What the chain stops on was handled: a running chain stops, its pending step cancelled. */
    static Decision stop(Run run, Set<Chains.StopOn> handled, Instant at) {
        if (!run.running() || !handled.contains(run.stopOn())) {
            return Decision.NONE;
        }
        return new Decision(new Run(run.reason(), run.stopOn(), run.target(), run.startedAt(), run.nextLevel(),
                run.nextRepeat(), run.nextAt(), at), null, null, new Step(run.nextLevel(), run.nextRepeat(), null));
    }

    /**
     * Every missed reporting obligation was recorded: a chain chasing them stops if the incident is done, and
     * otherwise goes on until its resolution.
     */
    static Decision obligationsDone(Run run, boolean incidentDone, Instant at) {
        if (!run.running() || run.stopOn() != Chains.StopOn.FULFILMENT) {
            return Decision.NONE;
        }
        if (incidentDone) {
            return stop(run, Set.of(Chains.StopOn.FULFILMENT), at);
        }
        return new Decision(new Run(run.reason(), Chains.StopOn.RESOLVE, run.target(), run.startedAt(),
                run.nextLevel(), run.nextRepeat(), run.nextAt(), null), null, null, null);
    }

    /**
     * A step's timer fired: if it is still the chain's next step, and the incident still needs it, its level is
     * notified and the chain advances; a stale or repeated step does nothing.
     */
    static Decision step(Optional<Run> current, Plan plan, TrackedIncident incident, EscalationKind kind, int level,
                         int repeat, Recipients recipients, Instant now) {
        if (current.isEmpty() || !current.get().running() || current.get().nextLevel() != level
                || current.get().nextRepeat() != repeat) {
            return Decision.NONE;
        }
        if (incident.doneAt() != null && current.get().stopOn() == Chains.StopOn.RESOLVE) {
            return Decision.NONE;
        }
        if (level >= plan.levels().size()) {
            return Decision.NONE;
        }
        return notifyAndAdvance(current.get(), plan, incident, kind, level, repeat, recipients, now);
    }

    /**
     * Notifies a level: a functional level that pages a line moves the incident to that line's group (named on its
     * first notification), and the assigned team it pages is that group. Then the level's next repeat, if one is left
     * and comes before the next level is due; otherwise the next level.
     */
    private static Decision notifyAndAdvance(Run run, Plan plan, TrackedIncident incident, EscalationKind kind,
                                             int level, int repeat, Recipients recipients, Instant now) {
        List<EscalationPolicy.Level> levels = plan.levels();
        EscalationPolicy.Level current = levels.get(level);
        String lineGroup = kind == EscalationKind.FUNCTIONAL ? plan.policy().groupOf(current) : null;
        SupportLine line = lineGroup == null ? null : current.line();
        var notified = new IncidentEscalated(incident.incidentId(), level + 1, kind, run.reason(), incident.priority(),
                run.target(), recipients.of(current, lineGroup != null ? lineGroup : incident.team()), repeat,
                repeat == 0 ? line : null, repeat == 0 ? lineGroup : null, now);

        Instant nextLevelDue = level + 1 < levels.size()
                ? levels.get(level + 1).after().due(plan.calendar(), run.startedAt()) : null;
        Step next = null;
        if (repeat < current.repeat()) {
            Instant again = current.every().due(plan.calendar(), now);
            if (nextLevelDue == null || again.isBefore(nextLevelDue)) {
                next = new Step(level, repeat + 1, again);
            }
        }
        if (next == null && nextLevelDue != null) {
            next = new Step(level + 1, 0, notBefore(nextLevelDue, now));
        }
        Run advanced = new Run(run.reason(), run.stopOn(), run.target(), run.startedAt(),
                next == null ? levels.size() : next.level(), next == null ? 0 : next.repeat(),
                next == null ? null : next.at(), run.stoppedAt());
        return new Decision(advanced, notified, next, null);
    }

    private static Instant notBefore(Instant due, Instant at) {
        return due.isBefore(at) ? at : due;
    }
}
