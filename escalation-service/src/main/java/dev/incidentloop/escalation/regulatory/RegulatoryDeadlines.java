package dev.incidentloop.escalation.regulatory;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.incidentloop.escalation.calendar.Calendar;
import dev.incidentloop.escalation.chain.Chains;
import dev.incidentloop.escalation.incident.TrackedIncident;
import dev.incidentloop.kit.outbox.Outbox;
import dev.incidentloop.escalation.policy.Policies;
import dev.incidentloop.events.EscalationKind;
import dev.incidentloop.events.RegulatoryDeadlineMet;
import dev.incidentloop.events.RegulatoryDeadlineMissed;
import dev.incidentloop.events.RegulatoryDeadlineSet;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reporting obligations of each incident, from the procedures' policies, decided by {@link DeadlineRules}: set
 * when the incident is classified and re-evaluated at each reclassification (RegulatoryDeadlineSet), met when a
 * responder records them in time or when the report itself fulfils them (RegulatoryDeadlineMet), missed when their
 * deadline passes first, whether or not the incident is still open (RegulatoryDeadlineMissed, and the hierarchical
 * chain starts with reason {@code regulatory}, running until every missed obligation is recorded). Deadlines are
 * db-scheduler tasks.
 */
@Component
public class RegulatoryDeadlines {

    static final String TASK = "regulatory-deadline";

    private final JdbcTemplate jdbc;
    private final List<ReportingDeadlinePolicy> policies;
    private final Policies escalationPolicies;
    private final SchedulerClient scheduler;
    private final Outbox outbox;
    private final Chains chains;

    RegulatoryDeadlines(JdbcTemplate jdbc, List<ReportingDeadlinePolicy> policies, Policies escalationPolicies,
                        SchedulerClient scheduler, Outbox outbox, Chains chains) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.escalationPolicies = escalationPolicies;
        this.scheduler = scheduler;
        this.outbox = outbox;
        this.chains = chains;
    }

    /** The incident was classified ({@code first}) or reclassified: the obligations that now apply and are new. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void classified(TrackedIncident incident, boolean first, Instant at) {
        Calendar calendar = escalationPolicies.calendar(escalationPolicies.forCategory(incident.category()).calendar());
        List<Obligation> wanted = policies.stream().flatMap(p -> p.obligations(incident).stream()).toList();
        Set<String> set = find(incident.incidentId()).stream().map(RegulatoryDeadline::name)
                .collect(Collectors.toSet());
        for (Obligation o : DeadlineRules.toSet(wanted, set, first)) {
            Instant due = o.within().due(calendar, o.referenceAt());
            int inserted = jdbc.update("""
                    insert into regulatory_deadline (incident_id, name, reference_at, due_at) values (?, ?, ?, ?)
                    on conflict do nothing""", incident.incidentId(), o.name(), Timestamp.from(o.referenceAt()),
                    Timestamp.from(due));
            if (inserted == 0) {
                continue;
            }
            outbox.add(new RegulatoryDeadlineSet(incident.incidentId(), o.name(), o.referenceAt(), due, at));
            if (o.fulfilledByReport()) {
                fulfil(incident.incidentId(), o.name(), incident.reportedAt(), null, "the incident report", at);
            } else {
                scheduler.scheduleIfNotExists(new TaskInstance<Void>(TASK, incident.incidentId() + ":" + o.name()),
                        due);
            }
        }
    }

    /** The outcome of recording an obligation as fulfilled. */
    public enum Outcome {
        MET, LATE, ALREADY_FULFILLED, UNKNOWN
    }

    /** A responder (or the report itself) fulfilled the obligation at {@code at}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome fulfil(UUID incidentId, String name, Instant at, String by, String note, Instant now) {
        var found = lock(incidentId, name);
        return switch (DeadlineRules.fulfil(found, at)) {
            case UNKNOWN -> Outcome.UNKNOWN;
            case ALREADY_FULFILLED -> Outcome.ALREADY_FULFILLED;
            case MET -> {
                recordFulfilment(incidentId, name, at, by, note);
                var task = TaskInstanceId.of(TASK, incidentId + ":" + name);
                if (scheduler.getScheduledExecution(task).isPresent()) {
                    scheduler.cancel(task);
                }
                outbox.add(new RegulatoryDeadlineMet(incidentId, name, found.get().dueAt(), by, note, now));
                yield Outcome.MET;
            }
            case LATE_MISSED_NOW -> {
                recordFulfilment(incidentId, name, at, by, note);
                miss(found.get(), at, now);
                yield Outcome.LATE;
            }
            case LATE -> {
                recordFulfilment(incidentId, name, at, by, note);
                if (!DeadlineRules.anyMissedAndOpen(find(incidentId))) {
                    chains.obligationsDone(incidentId, now);
                }
                yield Outcome.LATE;
            }
        };
    }

    private void recordFulfilment(UUID incidentId, String name, Instant at, String by, String note) {
        jdbc.update("""
                update regulatory_deadline set fulfilled_at = ?, fulfilled_by = ?, note = ?
                where incident_id = ? and name = ?""", Timestamp.from(at), by, note, incidentId, name);
    }

    /** The deadline's task fired: missed unless done, whatever the incident's state. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void due(UUID incidentId, String name, Instant now) {
        lock(incidentId, name).filter(DeadlineRules::missedWhenDue).ifPresent(d -> miss(d, null, now));
    }

    private void miss(RegulatoryDeadline d, Instant fulfilledAt, Instant now) {
        jdbc.update("update regulatory_deadline set missed_at = ? where incident_id = ? and name = ?",
                Timestamp.from(now), d.incidentId(), d.name());
        outbox.add(new RegulatoryDeadlineMissed(d.incidentId(), d.name(), d.dueAt(), fulfilledAt, now));
        if (fulfilledAt == null) {
            chains.start(d.incidentId(), EscalationKind.HIERARCHICAL, "regulatory", Chains.StopOn.FULFILMENT, null,
                    now);
        }
    }

    public List<RegulatoryDeadline> find(UUID incidentId) {
        return jdbc.query("select * from regulatory_deadline where incident_id = ? order by due_at, name",
                RegulatoryDeadlines::map, incidentId);
    }

    private Optional<RegulatoryDeadline> lock(UUID incidentId, String name) {
        return jdbc.query("select * from regulatory_deadline where incident_id = ? and name = ? for update",
                RegulatoryDeadlines::map, incidentId, name).stream().findFirst();
    }

    private static RegulatoryDeadline map(ResultSet rs, int row) throws SQLException {
        return new RegulatoryDeadline(rs.getObject("incident_id", UUID.class), rs.getString("name"),
                instant(rs, "reference_at"), instant(rs, "due_at"), instant(rs, "fulfilled_at"),
                rs.getString("fulfilled_by"), rs.getString("note"), instant(rs, "missed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
