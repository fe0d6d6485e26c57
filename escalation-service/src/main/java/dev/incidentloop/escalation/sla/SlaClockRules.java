package dev.incidentloop.escalation.sla;

import dev.incidentloop.escalation.calendar.Calendar;
import dev.incidentloop.escalation.calendar.Target;
import dev.incidentloop.escalation.chain.Chains;
import dev.incidentloop.events.EscalationEvent;
import dev.incidentloop.events.EscalationKind;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SlaBreached;
import dev.incidentloop.events.SlaClock;
import dev.incidentloop.events.SlaClockPaused;
import dev.incidentloop.events.SlaClockStopped;
import dev.incidentloop.events.SlaDeadlineSet;
import dev.incidentloop.events.SlaWarning;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The rules of one service-level clock (DOMAIN.md section 2, rule "Escalation"; KPIs "responded within target" and
 * "resolved within target") as pure decisions: given where the clock stands and what happened, where it stands next,
 * what is published, which of its two timers (the deadline and the warning) are set or cancelled, and which chains a
 * breach starts. {@link SlaService} loads and stores the clock, sets the timers and publishes around them.
 */
final class SlaClockRules {

    private SlaClockRules() {
    }

    /** A clock's timers: when its target is missed, and when the warning share of it is used. */
    enum Timer {
        DEADLINE, WARNING
    }

    record TimerAt(Timer timer, Instant at) {
    }

    /** A chain a breach starts. */
    record ChainStart(EscalationKind kind, String reason, Chains.StopOn stopOn, Duration target) {
    }

    /**
     * What a rule decided.
     *
     * @param clock  the clock as it now stands; null when nothing changes
     * @param events what is published
     * @param set    timers to set
     * @param cancel timers to cancel
     * @param chains chains to start
     */
    record Decision(SlaClockState clock, List<EscalationEvent> events, List<TimerAt> set, List<Timer> cancel,
                    List<ChainStart> chains) {

        static final Decision NONE = new Decision(null, List.of(), List.of(), List.of(), List.of());

        boolean changes() {
            return clock != null;
        }
    }

    /** The incident was classified: the clock starts with the policy's target, calendar and warning share. */
    static Decision start(UUID incidentId, SlaClock clock, Priority priority, Target target, Calendar calendar,
                          double warningShare, Instant at) {
        Instant dueAt = target.due(calendar, at);
        var started = new SlaClockState(incidentId, clock, priority, at, target, calendar, warningShare,
                Duration.ZERO, at, dueAt, null, null, null, null);
        return new Decision(started,
                List.of(new SlaDeadlineSet(incidentId, clock, priority, target.amount(), dueAt, at)),
                List.of(new TimerAt(Timer.DEADLINE, dueAt),
                        new TimerAt(Timer.WARNING, target.due(calendar, at, share(target, warningShare)))),
                List.of(), List.of());
    }

    /** The incident waits for its reporter or a vendor: a running clock that has not breached pauses. */
    static Decision pause(SlaClockState c, Instant at) {
        if (!c.running() || c.breachedAt() != null) {
            return Decision.NONE;
        }
        Duration consumed = c.elapsed(at);
        return new Decision(with(c, consumed, null, c.dueAt(), c.warnedAt(), null, null, null),
                List.of(new SlaClockPaused(c.incidentId(), c.clock(), consumed, at)), List.of(),
                List.of(Timer.DEADLINE, Timer.WARNING), List.of());
    }

    /** The wait is over: a paused clock runs again, its deadline (and warning, if not given yet) moved on. */
    static Decision resume(SlaClockState c, Instant at) {
        if (!c.paused()) {
            return Decision.NONE;
        }
        Duration left = c.target().amount().minus(c.consumed());
        Instant dueAt = left.isNegative() || left.isZero() ? at : c.target().due(c.calendar(), at, left);
        List<TimerAt> timers = new ArrayList<>();
        timers.add(new TimerAt(Timer.DEADLINE, dueAt));
        if (c.warnedAt() == null) {
            Duration toWarning = share(c.target(), c.warningShare()).minus(c.consumed());
            timers.add(new TimerAt(Timer.WARNING, toWarning.isNegative() || toWarning.isZero() ? at
                    : c.target().due(c.calendar(), at, toWarning)));
        }
        return new Decision(with(c, c.consumed(), at, dueAt, c.warnedAt(), null, null, null),
                List.of(new SlaDeadlineSet(c.incidentId(), c.clock(), c.priority(), c.target().amount(), dueAt, at)),
                timers, List.of(), List.of());
    }

    /**
     * The clock stops for good (acknowledged, resolved, closed or canceled); met when it neither breached nor used
     * more than its target. A clock stopped after its deadline whose timer has not fired yet counts as missed.
     */
    static Decision stop(SlaClockState c, Instant at) {
        if (c.stoppedAt() != null) {
            return Decision.NONE;
        }
        Duration elapsed = c.elapsed(at);
        boolean met = c.breachedAt() == null && elapsed.compareTo(c.target().amount()) <= 0;
        return new Decision(with(c, elapsed, null, c.dueAt(), c.warnedAt(), at, c.breachedAt(), met),
                List.of(new SlaClockStopped(c.incidentId(), c.clock(), met, elapsed, at)), List.of(),
                List.of(Timer.DEADLINE, Timer.WARNING), List.of());
    }

    /**
     * The deadline passed: a clock still running breaches, and the functional chain starts (stopped by the response
     * for the response clock, by the resolution otherwise), the hierarchical one too for a major incident.
     */
    static Decision deadlinePassed(SlaClockState c, boolean major, Instant now) {
        if (!c.running() || c.breachedAt() != null) {
            return Decision.NONE;
        }
        String reason = c.clock() == SlaClock.RESPONSE ? "response-sla" : "resolution-sla";
        Chains.StopOn stopOn = c.clock() == SlaClock.RESPONSE ? Chains.StopOn.ACKNOWLEDGE : Chains.StopOn.RESOLVE;
        List<ChainStart> chains = new ArrayList<>();
        chains.add(new ChainStart(EscalationKind.FUNCTIONAL, reason, stopOn, c.target().amount()));
        if (major) {
            chains.add(new ChainStart(EscalationKind.HIERARCHICAL, reason, stopOn, c.target().amount()));
        }
        return new Decision(with(c, c.consumed(), c.runningSince(), c.dueAt(), c.warnedAt(), null, now, null),
                List.of(new SlaBreached(c.incidentId(), c.clock(), c.target().amount(), c.elapsed(now), now)),
                List.of(), List.of(), chains);
    }

    /** The warning share was used: a clock still running, not breached and not warned about yet, is warned about. */
    static Decision warningDue(SlaClockState c, Instant now) {
        if (!c.running() || c.breachedAt() != null || c.warnedAt() != null) {
            return Decision.NONE;
        }
        return new Decision(with(c, c.consumed(), c.runningSince(), c.dueAt(), now, null, null, null),
                List.of(new SlaWarning(c.incidentId(), c.clock(), c.target().amount(), c.elapsed(now), c.dueAt(),
                        now)), List.of(), List.of(), List.of());
    }

    private static SlaClockState with(SlaClockState c, Duration consumed, Instant runningSince, Instant dueAt,
                                      Instant warnedAt, Instant stoppedAt, Instant breachedAt, Boolean met) {
        return new SlaClockState(c.incidentId(), c.clock(), c.priority(), c.startedAt(), c.target(), c.calendar(),
                c.warningShare(), consumed, runningSince, dueAt, warnedAt, stoppedAt, breachedAt, met);
    }

    private static Duration share(Target target, double share) {
        return Duration.ofMillis(Math.round(target.amount().toMillis() * share));
    }
}
