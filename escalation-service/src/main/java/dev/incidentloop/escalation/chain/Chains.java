package dev.incidentloop.escalation.chain;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.incidentloop.escalation.calendar.Calendar;
import dev.incidentloop.escalation.incident.TrackedIncident;
import dev.incidentloop.escalation.incident.TrackedIncidents;
import dev.incidentloop.escalation.oncall.Schedule;
import dev.incidentloop.events.Topics;
import dev.incidentloop.kit.outbox.Outbox;
import dev.incidentloop.escalation.policy.EscalationPolicy;
import dev.incidentloop.escalation.policy.Policies;
import dev.incidentloop.events.EscalationKind;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.events.SupportLine;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs escalation chains (DOMAIN.md section 2, rule "Escalation"): per incident at most one chain of each kind, which
 * notifies its levels in turn ({@code after} counted from the chain's start; each level notified again up to
 * {@code repeat} times, {@code every} after its previous notification, as long as the next level is not due) and stops when what started it is handled. Each step is a
 * db-scheduler task named by incident, kind, level and repeat, so it fires once across instances and restarts; the
 * chain's row, locked while a step runs, holds which step is next, so a stale or repeated step does nothing. The
 * levels are read from the incident's policy at each step.
 */
@Component
public class Chains {

    public static final String STEP_TASK = "escalation-step";

    /**
     * What stops a chain: a response (for a missed response), the resolution (for a missed resolution and a major
     * incident), or every missed reporting obligation being recorded (for a missed obligation: it outlives the
     * incident's resolution; recorded while the incident is still open, the chain goes on until the resolution).
     */
    public enum StopOn {
        ACKNOWLEDGE, RESOLVE, FULFILMENT
    }

    private final JdbcTemplate jdbc;
    private final SchedulerClient scheduler;
    private final Policies policies;
    private final TrackedIncidents incidents;
    private final Outbox outbox;

    Chains(JdbcTemplate jdbc, SchedulerClient scheduler, Policies policies, TrackedIncidents incidents,
           Outbox outbox) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.policies = policies;
        this.incidents = incidents;
        this.outbox = outbox;
    }

    /**
     * Starts the chain of this kind for the incident, or starts it again after it stopped, going on from the level
     * it had reached (an incident never escalates back down). A chain already running is left as it is.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void start(UUID incidentId, EscalationKind kind, String reason, StopOn stopOn, Duration target,
                      Instant at) {
        TrackedIncident incident = incidents.find(incidentId).orElse(null);
        if (incident == null || incident.category() == null) {
            return;
        }
        Plan plan = plan(incident, kind);
        if (plan.levels().isEmpty()) {
            return;
        }
        var run = lock(incidentId, kind);
        if (run.isPresent() && run.get().stoppedAt == null) {
            if (stopOn == StopOn.FULFILMENT && run.get().stopOn != StopOn.FULFILMENT) {
                // running already: it now also chases the missed obligation past the resolution
                jdbc.update("update chain_run set stop_on = ? where incident_id = ? and kind = ?", stopOn.name(),
                        incidentId, kind.wireName());
            }
            return;
        }
        int level = run.map(r -> r.nextLevel).orElse(0);
        if (level >= plan.levels().size()) {
            return; // every level was notified
        }
        jdbc.update("""
                insert into chain_run (incident_id, kind, reason, stop_on, target_ms, started_at, next_level,
                                       next_repeat)
                values (?, ?, ?, ?, ?, ?, ?, 0)
                on conflict (incident_id, kind) do update set reason = excluded.reason, stop_on = excluded.stop_on,
                    target_ms = excluded.target_ms, started_at = excluded.started_at, next_level = excluded.next_level,
                    next_repeat = 0, stopped_at = null""",
                incidentId, kind.wireName(), reason, stopOn.name(), target == null ? null : target.toMillis(),
                Timestamp.from(at), level);
        Instant due = plan.levels().get(level).after().due(plan.calendar(), at);
        schedule(incidentId, kind, level, 0, due.isBefore(at) ? at : due);
    }

    /**
     * A responder escalates by hand: the chain's next level is notified now (reason {@code manual}) and the chain
     * goes on from there; without a running chain, one is started at its next level.
     *
     * @return the level notified (1-based), or empty when the policy has no further level
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Integer> manual(UUID incidentId, EscalationKind kind, Instant now) {
        TrackedIncident incident = incidents.find(incidentId).orElseThrow();
        Plan plan = plan(incident, kind);
        var run = lock(incidentId, kind);
        int level = run.map(r -> r.nextLevel).orElse(0);
        if (level >= plan.levels().size()) {
            return Optional.empty();
        }
        run.filter(r -> r.stoppedAt == null).ifPresent(r -> cancel(incidentId, kind, r.nextLevel, r.nextRepeat));
        jdbc.update("""
                insert into chain_run (incident_id, kind, reason, stop_on, started_at, next_level, next_repeat)
                values (?, ?, 'manual', 'RESOLVE', ?, ?, 0)
                on conflict (incident_id, kind) do update set reason = 'manual', stop_on = 'RESOLVE',
                    started_at = excluded.started_at, next_level = excluded.next_level, next_repeat = 0,
                    stopped_at = null""",
                incidentId, kind.wireName(), Timestamp.from(now), level);
        notifyAndAdvance(incident, kind, plan, level, 0, now);
        return Optional.of(level + 1);
    }

    /** Stops the incident's chains that stop on this, cancelling their pending steps. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void stop(UUID incidentId, Set<StopOn> stopOn, Instant at) {
        for (EscalationKind kind : EscalationKind.values()) {
            lock(incidentId, kind).filter(r -> r.stoppedAt == null && stopOn.contains(r.stopOn)).ifPresent(r -> {
                cancel(incidentId, kind, r.nextLevel, r.nextRepeat);
                jdbc.update("update chain_run set stopped_at = ? where incident_id = ? and kind = ?",
                        Timestamp.from(at), incidentId, kind.wireName());
            });
        }
    }

    /**
     * Every missed reporting obligation of the incident is recorded now: its chains that chase them stop if the
     * incident is done, and otherwise go on until its resolution.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void obligationsDone(UUID incidentId, Instant at) {
        boolean done = incidents.find(incidentId).map(i -> i.doneAt() != null).orElse(true);
        if (done) {
            stop(incidentId, Set.of(StopOn.FULFILMENT), at);
        } else {
            jdbc.update("update chain_run set stop_on = ? where incident_id = ? and stop_on = ?",
                    StopOn.RESOLVE.name(), incidentId, StopOn.FULFILMENT.name());
        }
    }

    /** A step's task fired: if it is still the chain's next step, its level is notified and the chain advances. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void step(UUID incidentId, EscalationKind kind, int level, int repeat, Instant now) {
        var run = lock(incidentId, kind);
        if (run.isEmpty() || run.get().stoppedAt != null || run.get().nextLevel != level
                || run.get().nextRepeat != repeat) {
            return;
        }
        TrackedIncident incident = incidents.find(incidentId).orElseThrow();
        if (incident.doneAt() != null && run.get().stopOn == StopOn.RESOLVE) {
            return;
        }
        Plan plan = plan(incident, kind);
        if (level >= plan.levels().size()) {
            return;
        }
        notifyAndAdvance(incident, kind, plan, level, repeat, now);
    }

    private void notifyAndAdvance(TrackedIncident incident, EscalationKind kind, Plan plan, int level, int repeat,
                                  Instant now) {
        List<EscalationPolicy.Level> levels = plan.levels();
        Run run = lock(incident.incidentId(), kind).orElseThrow();
        EscalationPolicy.Level current = levels.get(level);
        // DOMAIN.md section 2, rule "Lines of support": a functional level that pages a line moves the incident there
        String lineGroup = kind == EscalationKind.FUNCTIONAL ? plan.policy().groupOf(current) : null;
        SupportLine line = lineGroup == null ? null : current.line();
        outbox.add(new IncidentEscalated(incident.incidentId(), level + 1, kind, run.reason, incident.priority(),
                run.targetMs == null ? null : Duration.ofMillis(run.targetMs),
                recipients(lineGroup != null ? lineGroup : incident.team(), current, now), repeat,
                repeat == 0 ? line : null, repeat == 0 ? lineGroup : null, now), Topics.ESCALATION_EVENTS);

        Instant nextLevelDue = level + 1 < levels.size()
                ? levels.get(level + 1).after().due(plan.calendar(), run.startedAt) : null;
        int nextLevel = -1;
        int nextRepeat = 0;
        Instant nextAt = null;
        if (repeat < current.repeat()) {
            Instant again = current.every().due(plan.calendar(), now);
            if (nextLevelDue == null || again.isBefore(nextLevelDue)) {
                nextLevel = level;
                nextRepeat = repeat + 1;
                nextAt = again;
            }
        }
        if (nextAt == null && nextLevelDue != null) {
            nextLevel = level + 1;
            nextAt = nextLevelDue.isBefore(now) ? now : nextLevelDue;
        }
        jdbc.update("update chain_run set next_level = ?, next_repeat = ?, next_at = ? where incident_id = ? "
                        + "and kind = ?", nextLevel < 0 ? levels.size() : nextLevel, nextRepeat,
                nextAt == null ? null : Timestamp.from(nextAt), incident.incidentId(), kind.wireName());
        if (nextAt != null) {
            schedule(incident.incidentId(), kind, nextLevel, nextRepeat, nextAt);
        }
    }

    /**
     * The users a level names, now: users as given, schedules and roles by who is on call, in order, once each; the
     * assigned team is the group of the line the level pages, or else the one the incident is assigned to.
     */
    private List<String> recipients(String team, EscalationPolicy.Level level, Instant now) {
        Set<String> users = new LinkedHashSet<>();
        for (EscalationPolicy.Recipient r : level.recipients()) {
            if (r.user() != null) {
                users.add(r.user());
            } else {
                String schedule = r.schedule() != null ? r.schedule() : r.role() != null ? r.role() : team;
                if (schedule != null) {
                    policies.schedule(schedule).map(s -> s.at(now)).map(Schedule.OnCall::user).ifPresent(users::add);
                }
            }
        }
        return List.copyOf(users);
    }

    /** A chain's policy, levels and the calendar its times count on, read once per step from the incident's policy. */
    private record Plan(EscalationPolicy policy, List<EscalationPolicy.Level> levels, Calendar calendar) {
    }

    private Plan plan(TrackedIncident incident, EscalationKind kind) {
        EscalationPolicy policy = policies.forCategory(incident.category());
        return new Plan(policy, kind == EscalationKind.FUNCTIONAL ? policy.functional() : policy.hierarchical(),
                policies.calendar(policy.calendar()));
    }

    private void schedule(UUID incidentId, EscalationKind kind, int level, int repeat, Instant at) {
        scheduler.scheduleIfNotExists(new TaskInstance<Void>(STEP_TASK, instanceId(incidentId, kind, level, repeat)),
                at);
    }

    private void cancel(UUID incidentId, EscalationKind kind, int level, int repeat) {
        var id = TaskInstanceId.of(STEP_TASK, instanceId(incidentId, kind, level, repeat));
        if (scheduler.getScheduledExecution(id).isPresent()) {
            scheduler.cancel(id);
        }
    }

    static String instanceId(UUID incidentId, EscalationKind kind, int level, int repeat) {
        return incidentId + ":" + kind.wireName() + ":" + level + ":" + repeat;
    }

    /** The step a task instance stands for. */
    record Step(UUID incidentId, EscalationKind kind, int level, int repeat) {
        static Step parse(String instanceId) {
            String[] parts = instanceId.split(":");
            return new Step(UUID.fromString(parts[0]), EscalationKind.valueOf(parts[1].toUpperCase(Locale.ROOT)),
                    Integer.parseInt(parts[2]), Integer.parseInt(parts[3]));
        }
    }

    private record Run(String reason, StopOn stopOn, Long targetMs, Instant startedAt, int nextLevel, int nextRepeat,
                       Instant stoppedAt) {
    }

    private Optional<Run> lock(UUID incidentId, EscalationKind kind) {
        return jdbc.query("select * from chain_run where incident_id = ? and kind = ? for update", (rs, row) ->
                new Run(rs.getString("reason"), StopOn.valueOf(rs.getString("stop_on")),
                        (Long) rs.getObject("target_ms", Long.class), rs.getTimestamp("started_at").toInstant(),
                        rs.getInt("next_level"), rs.getInt("next_repeat"),
                        rs.getTimestamp("stopped_at") == null ? null : rs.getTimestamp("stopped_at").toInstant()),
                incidentId, kind.wireName()).stream().findFirst();
    }
}
