package dev.incidentloop.escalation.chain;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.incidentloop.escalation.incident.TrackedIncident;
import dev.incidentloop.escalation.incident.TrackedIncidents;
import dev.incidentloop.escalation.oncall.Schedule;
import dev.incidentloop.escalation.policy.EscalationPolicy;
import dev.incidentloop.escalation.policy.Policies;
import dev.incidentloop.events.EscalationKind;
import dev.incidentloop.kit.outbox.Outbox;
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
 * Runs escalation chains (DOMAIN.md section 2, rule "Escalation"): per incident at most one chain of each kind, whose
 * rules are {@link ChainRules}'. This loads and locks a chain's row, stores what the rules decided, resolves who a
 * level names from the on-call schedules, and sets the steps as db-scheduler tasks named by incident, kind, level and
 * repeat, so that each fires once across instances and restarts. The levels are read from the incident's policy at
 * each step.
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

    /** Starts the chain of this kind for the incident, or starts it again after it stopped; see {@link ChainRules}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void start(UUID incidentId, EscalationKind kind, String reason, StopOn stopOn, Duration target,
                      Instant at) {
        TrackedIncident incident = incidents.find(incidentId).orElse(null);
        if (incident == null || incident.category() == null) {
            return;
        }
        apply(incidentId, kind, ChainRules.start(lock(incidentId, kind), plan(incident, kind), reason, stopOn, target,
                at));
    }

    /**
     * A responder escalates by hand: the chain's next level is notified now (reason {@code manual}).
     *
     * @return the level notified (1-based), or empty when the policy has no further level
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Integer> manual(UUID incidentId, EscalationKind kind, Instant now) {
        TrackedIncident incident = incidents.find(incidentId).orElseThrow();
        var decision = ChainRules.manual(lock(incidentId, kind), plan(incident, kind), incident, kind,
                recipients(now), now);
        apply(incidentId, kind, decision);
        return Optional.ofNullable(decision.notified()).map(e -> e.level());
    }

    /** Stops the incident's chains that stop on this, cancelling their pending steps. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void stop(UUID incidentId, Set<StopOn> stopOn, Instant at) {
        for (EscalationKind kind : EscalationKind.values()) {
            lock(incidentId, kind).ifPresent(run -> apply(incidentId, kind, ChainRules.stop(run, stopOn, at)));
        }
    }

    /** Every missed reporting obligation of the incident is recorded now; see {@link ChainRules}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void obligationsDone(UUID incidentId, Instant at) {
        boolean done = incidents.find(incidentId).map(i -> i.doneAt() != null).orElse(true);
        for (EscalationKind kind : EscalationKind.values()) {
            lock(incidentId, kind).ifPresent(run -> apply(incidentId, kind,
                    ChainRules.obligationsDone(run, done, at)));
        }
    }

    /** A step's task fired. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void step(UUID incidentId, EscalationKind kind, int level, int repeat, Instant now) {
        var run = lock(incidentId, kind);
        if (run.isEmpty()) {
            return;
        }
        TrackedIncident incident = incidents.find(incidentId).orElseThrow();
        apply(incidentId, kind, ChainRules.step(run, plan(incident, kind), incident, kind, level, repeat,
                recipients(now), now));
    }

    private void apply(UUID incidentId, EscalationKind kind, ChainRules.Decision decision) {
        if (!decision.changes()) {
            return;
        }
        ChainRules.Run run = decision.run();
        jdbc.update("""
                insert into chain_run (incident_id, kind, reason, stop_on, target_ms, started_at, next_level,
                                       next_repeat, next_at, stopped_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (incident_id, kind) do update set reason = excluded.reason, stop_on = excluded.stop_on,
                    target_ms = excluded.target_ms, started_at = excluded.started_at, next_level = excluded.next_level,
                    next_repeat = excluded.next_repeat, next_at = excluded.next_at, stopped_at = excluded.stopped_at""",
                incidentId, kind.wireName(), run.reason(), run.stopOn().name(),
                run.target() == null ? null : run.target().toMillis(), Timestamp.from(run.startedAt()),
                run.nextLevel(), run.nextRepeat(), timestamp(run.nextAt()), timestamp(run.stoppedAt()));
        if (decision.cancel() != null) {
            var id = TaskInstanceId.of(STEP_TASK, instanceId(incidentId, kind, decision.cancel().level(),
                    decision.cancel().repeat()));
            if (scheduler.getScheduledExecution(id).isPresent()) {
                scheduler.cancel(id);
            }
        }
        if (decision.notified() != null) {
            outbox.add(decision.notified());
        }
        if (decision.schedule() != null) {
            scheduler.scheduleIfNotExists(new TaskInstance<Void>(STEP_TASK, instanceId(incidentId, kind,
                    decision.schedule().level(), decision.schedule().repeat())), decision.schedule().at());
        }
    }

    /** The users a level names at {@code now}: users as given, schedules and roles by who is on call, once each. */
    private ChainRules.Recipients recipients(Instant now) {
        return (level, team) -> {
            Set<String> users = new LinkedHashSet<>();
            for (EscalationPolicy.Recipient r : level.recipients()) {
                if (r.user() != null) {
                    users.add(r.user());
                } else {
                    String schedule = r.schedule() != null ? r.schedule() : r.role() != null ? r.role() : team;
                    if (schedule != null) {
                        policies.schedule(schedule).map(s -> s.at(now)).map(Schedule.OnCall::user)
                                .ifPresent(users::add);
                    }
                }
            }
            return List.copyOf(users);
        };
    }

    private ChainRules.Plan plan(TrackedIncident incident, EscalationKind kind) {
        EscalationPolicy policy = policies.forCategory(incident.category());
        return new ChainRules.Plan(policy, kind == EscalationKind.FUNCTIONAL ? policy.functional()
                : policy.hierarchical(), policies.calendar(policy.calendar()));
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

    private Optional<ChainRules.Run> lock(UUID incidentId, EscalationKind kind) {
        return jdbc.query("select * from chain_run where incident_id = ? and kind = ? for update", (rs, row) ->
                new ChainRules.Run(rs.getString("reason"), StopOn.valueOf(rs.getString("stop_on")),
                        rs.getObject("target_ms") == null ? null : Duration.ofMillis(rs.getLong("target_ms")),
                        rs.getTimestamp("started_at").toInstant(), rs.getInt("next_level"), rs.getInt("next_repeat"),
                        instant(rs.getTimestamp("next_at")), instant(rs.getTimestamp("stopped_at"))),
                incidentId, kind.wireName()).stream().findFirst();
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
