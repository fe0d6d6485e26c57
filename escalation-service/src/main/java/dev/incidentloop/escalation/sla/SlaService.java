package dev.incidentloop.escalation.sla;

import dev.incidentloop.escalation.calendar.Calendar;
import dev.incidentloop.escalation.calendar.Target;
import dev.incidentloop.escalation.chain.Chains;
import dev.incidentloop.escalation.incident.TrackedIncident;
import dev.incidentloop.events.Topics;
import dev.incidentloop.kit.outbox.Outbox;
import dev.incidentloop.escalation.policy.EscalationPolicy;
import dev.incidentloop.escalation.policy.Policies;
import dev.incidentloop.events.EscalationKind;
import dev.incidentloop.events.HoldReason;
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
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service-level clocks of DOMAIN.md section 2 (rule "Escalation"; KPIs "responded within target" and "resolved
 * within target"): started at classification with the targets and calendar of the incident's policy, paused while
 * the incident waits for its reporter or a vendor, warned about at the policy's warning share, breached at the
 * target. A missed clock starts the functional escalation chain, and for a major incident the hierarchical one too.
 * Every change is published through the outbox in the caller's transaction.
 */
@Component
public class SlaService {

    /** Holds that stop the clocks: the wait is on the reporter's or a vendor's side, not the service desk's. */
    public static final Set<HoldReason> PAUSING = Set.of(HoldReason.AWAITING_REPORTER, HoldReason.AWAITING_VENDOR);

    private static final Logger log = LoggerFactory.getLogger(SlaService.class);

    private final SlaClocks clocks;
    private final SlaDeadlines deadlines;
    private final Policies policies;
    private final Outbox outbox;
    private final Chains chains;

    SlaService(SlaClocks clocks, SlaDeadlines deadlines, Policies policies, Outbox outbox, Chains chains) {
        this.clocks = clocks;
        this.deadlines = deadlines;
        this.policies = policies;
        this.outbox = outbox;
        this.chains = chains;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void start(TrackedIncident incident, Instant at) {
        EscalationPolicy policy = policies.forCategory(incident.category());
        Calendar calendar = policies.calendar(policy.calendar());
        EscalationPolicy.Targets targets = policy.targets().get(incident.priority());
        List<SlaDeadlines.Due> due = new ArrayList<>();
        for (SlaClock clock : SlaClock.values()) {
            Target target = clock == SlaClock.RESPONSE ? targets.response() : targets.resolution();
            Instant dueAt = target.due(calendar, at);
            if (clocks.start(incident.incidentId(), clock, incident.priority(), at, target, calendar,
                    policy.warning(), dueAt)) {
                due.add(new SlaDeadlines.Due(SlaDeadlines.DEADLINE, incident.incidentId(), clock, dueAt));
                due.add(new SlaDeadlines.Due(SlaDeadlines.WARNING, incident.incidentId(), clock,
                        target.due(calendar, at, share(target, policy.warning()))));
                outbox.add(new SlaDeadlineSet(incident.incidentId(), clock, incident.priority(), target.amount(),
                        dueAt, at), Topics.ESCALATION_EVENTS);
            }
        }
        // the clocks were started just now, so none of their tasks exists yet
        deadlines.scheduleNew(due);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void pause(UUID incidentId, Instant at) {
        for (SlaClockState c : clocks.lockAll(incidentId)) {
            if (c.running() && c.breachedAt() == null) {
                Duration consumed = c.elapsed(at);
                clocks.paused(c, consumed);
                deadlines.cancel(SlaDeadlines.DEADLINE, incidentId, c.clock());
                deadlines.cancel(SlaDeadlines.WARNING, incidentId, c.clock());
                outbox.add(new SlaClockPaused(incidentId, c.clock(), consumed, at), Topics.ESCALATION_EVENTS);
            }
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void resume(UUID incidentId, Instant at) {
        for (SlaClockState c : clocks.lockAll(incidentId)) {
            if (!c.paused()) {
                continue;
            }
            Duration left = c.target().amount().minus(c.consumed());
            Instant dueAt = left.isNegative() || left.isZero() ? at : c.target().due(c.calendar(), at, left);
            clocks.resumed(c, at, dueAt);
            deadlines.schedule(SlaDeadlines.DEADLINE, incidentId, c.clock(), dueAt);
            if (c.warnedAt() == null) {
                Duration toWarning = share(c.target(), c.warningShare()).minus(c.consumed());
                deadlines.schedule(SlaDeadlines.WARNING, incidentId, c.clock(), toWarning.isNegative()
                        || toWarning.isZero() ? at : c.target().due(c.calendar(), at, toWarning));
            }
            outbox.add(new SlaDeadlineSet(incidentId, c.clock(), c.priority(), c.target().amount(), dueAt, at), Topics.ESCALATION_EVENTS);
        }
    }

    /** Stops the given clocks for good; a clock stopped after its deadline (not yet handled) counts as missed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void stop(UUID incidentId, Instant at, List<SlaClock> which) {
        for (SlaClockState c : clocks.lockAll(incidentId)) {
            if (c.stoppedAt() != null || !which.contains(c.clock())) {
                continue;
            }
            Duration elapsed = c.elapsed(at);
            boolean met = c.breachedAt() == null && elapsed.compareTo(c.target().amount()) <= 0;
            clocks.stopped(c, at, elapsed, met);
            deadlines.cancel(SlaDeadlines.DEADLINE, incidentId, c.clock());
            deadlines.cancel(SlaDeadlines.WARNING, incidentId, c.clock());
            outbox.add(new SlaClockStopped(incidentId, c.clock(), met, elapsed, at), Topics.ESCALATION_EVENTS);
        }
    }

    /** A deadline task fired: a clock still running is breached now, and the chains start. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void deadline(UUID incidentId, SlaClock clock, Instant now, TrackedIncident incident) {
        var running = clocks.lock(incidentId, clock).filter(c -> c.running() && c.breachedAt() == null);
        if (running.isEmpty()) {
            log.debug("The {} deadline of {} passed with the clock stopped or paused; nothing to do", clock,
                    incidentId);
            return;
        }
        SlaClockState c = running.get();
        clocks.breached(c, now);
        outbox.add(new SlaBreached(incidentId, clock, c.target().amount(), c.elapsed(now), now), Topics.ESCALATION_EVENTS);
        log.info("Incident {} ({}) missed its {} target of {}", incidentId, c.priority(), clock.wireName(),
                c.target());
        String reason = clock == SlaClock.RESPONSE ? "response-sla" : "resolution-sla";
        Chains.StopOn stopOn = clock == SlaClock.RESPONSE ? Chains.StopOn.ACKNOWLEDGE : Chains.StopOn.RESOLVE;
        chains.start(incidentId, EscalationKind.FUNCTIONAL, reason, stopOn, c.target().amount(), now);
        if (incident != null && incident.major()) {
            chains.start(incidentId, EscalationKind.HIERARCHICAL, reason, stopOn, c.target().amount(), now);
        }
    }

    /** A warning task fired: a clock still running and not yet warned about gets its SlaWarning. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void warning(UUID incidentId, SlaClock clock, Instant now) {
        clocks.lock(incidentId, clock).filter(c -> c.running() && c.breachedAt() == null && c.warnedAt() == null)
                .ifPresent(c -> {
                    clocks.warned(c, now);
                    outbox.add(new SlaWarning(incidentId, clock, c.target().amount(), c.elapsed(now), c.dueAt(),
                            now), Topics.ESCALATION_EVENTS);
                });
    }

    public List<SlaClockState> find(UUID incidentId) {
        return clocks.find(incidentId);
    }

    private static Duration share(Target target, double share) {
        return Duration.ofMillis(Math.round(target.amount().toMillis() * share));
    }
}
