package dev.incidentloop.escalation.sla;

import dev.incidentloop.escalation.calendar.Calendar;
import dev.incidentloop.escalation.chain.Chains;
import dev.incidentloop.escalation.incident.TrackedIncident;
import dev.incidentloop.escalation.policy.EscalationPolicy;
import dev.incidentloop.escalation.policy.Policies;
import dev.incidentloop.events.HoldReason;
import dev.incidentloop.events.SlaBreached;
import dev.incidentloop.events.SlaClock;
import dev.incidentloop.events.SlaWarning;
import dev.incidentloop.kit.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service-level clocks of DOMAIN.md section 2 (rule "Escalation"; KPIs "responded within target" and "resolved
 * within target"): started at classification with the targets and calendar of the incident's policy, paused while
 * the incident waits for its reporter or a vendor, warned about at the policy's warning share, breached at the
 * target. What happens to a clock is decided by {@link SlaClockRules}; this loads and locks the clock, stores what
 * the rule decided, sets and cancels its db-scheduler tasks, publishes through the outbox in the caller's transaction
 * and starts the chains a breach names.
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
    private final MeterRegistry meters;

    SlaService(SlaClocks clocks, SlaDeadlines deadlines, Policies policies, Outbox outbox, Chains chains,
               MeterRegistry meters) {
        this.meters = meters;
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
            var decision = SlaClockRules.start(incident.incidentId(), clock, incident.priority(),
                    clock == SlaClock.RESPONSE ? targets.response() : targets.resolution(), calendar,
                    policy.warning(), at);
            if (clocks.insert(decision.clock())) {
                decision.set().forEach(t -> due.add(new SlaDeadlines.Due(task(t.timer()), incident.incidentId(), clock,
                        t.at())));
                decision.events().forEach(outbox::add);
            }
        }
        // the clocks were started just now, so none of their tasks exists yet
        deadlines.scheduleNew(due);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void pause(UUID incidentId, Instant at) {
        each(incidentId, at, SlaClockRules::pause);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void resume(UUID incidentId, Instant at) {
        each(incidentId, at, SlaClockRules::resume);
    }

    /** Stops the given clocks for good. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void stop(UUID incidentId, Instant at, List<SlaClock> which) {
        each(incidentId, at, (c, when) -> which.contains(c.clock()) ? SlaClockRules.stop(c, when)
                : SlaClockRules.Decision.NONE);
    }

    /** A deadline task fired. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void deadline(UUID incidentId, SlaClock clock, Instant now, TrackedIncident incident) {
        clocks.lock(incidentId, clock).ifPresent(c -> {
            var decision = SlaClockRules.deadlinePassed(c, incident != null && incident.major(), now);
            apply(decision);
            if (decision.events().stream().anyMatch(SlaBreached.class::isInstance)) {
                log.info("Incident {} ({}) missed its {} target of {}", incidentId, c.priority(), clock.wireName(),
                        c.target());
            }
            decision.chains().forEach(s -> chains.start(incidentId, s.kind(), s.reason(), s.stopOn(), s.target(),
                    now));
        });
    }

    /** A warning task fired. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void warning(UUID incidentId, SlaClock clock, Instant now) {
        clocks.lock(incidentId, clock).ifPresent(c -> apply(SlaClockRules.warningDue(c, now)));
    }

    public List<SlaClockState> find(UUID incidentId) {
        return clocks.find(incidentId);
    }

    private void each(UUID incidentId, Instant at, BiFunction<SlaClockState, Instant, SlaClockRules.Decision> rule) {
        for (SlaClockState c : clocks.lockAll(incidentId)) {
            apply(rule.apply(c, at));
        }
    }

    private void apply(SlaClockRules.Decision decision) {
        if (!decision.changes()) {
            return;
        }
        SlaClockState c = decision.clock();
        clocks.save(c);
        decision.cancel().forEach(t -> deadlines.cancel(task(t), c.incidentId(), c.clock()));
        decision.set().forEach(t -> deadlines.schedule(task(t.timer()), c.incidentId(), c.clock(), t.at()));
        decision.events().forEach(e -> {
            outbox.add(e);
            // what an operator alerts on: targets about to be missed, and missed, per clock
            if (e instanceof SlaWarning w) {
                meters.counter("platform.sla.warnings", "clock", w.clock().wireName()).increment();
            } else if (e instanceof SlaBreached b) {
                meters.counter("platform.sla.breaches", "clock", b.clock().wireName()).increment();
            }
        });
    }

    private static String task(SlaClockRules.Timer timer) {
        return timer == SlaClockRules.Timer.DEADLINE ? SlaDeadlines.DEADLINE : SlaDeadlines.WARNING;
    }
}
