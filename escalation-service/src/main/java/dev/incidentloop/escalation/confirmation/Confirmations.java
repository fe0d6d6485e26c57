package dev.incidentloop.escalation.confirmation;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.incidentloop.escalation.incident.TrackedIncident;
import dev.incidentloop.escalation.policy.Policies;
import dev.incidentloop.events.ResolutionUnconfirmed;
import dev.incidentloop.kit.outbox.Outbox;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Times the reporter's confirmation of a resolution (DOMAIN.md section 2, "Confirmation and closure"): a resolution
 * sets a db-scheduler task at the end of the {@link ConfirmationPeriod} on the incident's policy calendar; a
 * confirmation, rejection, reopening, closure or cancelation ends the wait; a task that fires for the resolution still
 * awaiting confirmation publishes ResolutionUnconfirmed, which incident-service turns into the close. Decisions are
 * {@link ConfirmationRules}'.
 */
@Component
public class Confirmations {

    static final String TASK = "confirmation-period";

    private final JdbcTemplate jdbc;
    private final SchedulerClient scheduler;
    private final Policies policies;
    private final ConfirmationPeriod period;
    private final Outbox outbox;

    Confirmations(JdbcTemplate jdbc, SchedulerClient scheduler, Policies policies, ConfirmationPeriod period,
                  Outbox outbox) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.policies = policies;
        this.period = period;
        this.outbox = outbox;
    }

    /** The incident was resolved at {@code at}: its reporter has the period to confirm. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void resolved(TrackedIncident incident, Instant at) {
        jdbc.update("update tracked_incident set awaiting_confirmation_since = ? where incident_id = ?",
                Timestamp.from(at), incident.incidentId());
        var calendar = incident.category() == null ? policies.calendar(null)
                : policies.calendar(policies.forCategory(incident.category()).calendar());
        scheduler.scheduleIfNotExists(new TaskInstance<Void>(TASK, instanceId(incident.incidentId(), at)),
                ConfirmationRules.lapsesAt(period.target(), calendar, at));
    }

    /** The resolution was confirmed or rejected, or the incident reopened, closed or canceled: nothing to wait for. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void settled(UUID incidentId) {
        Instant since = awaitingSince(incidentId);
        if (since == null) {
            return;
        }
        jdbc.update("update tracked_incident set awaiting_confirmation_since = null where incident_id = ?", incidentId);
        var task = TaskInstanceId.of(TASK, instanceId(incidentId, since));
        if (scheduler.getScheduledExecution(task).isPresent()) {
            scheduler.cancel(task);
        }
    }

    /** The period of the resolution at {@code resolvedAt} ended. */
    @Transactional(propagation = Propagation.MANDATORY)
    void lapsed(UUID incidentId, Instant resolvedAt, Instant now) {
        Instant since = awaitingSince(incidentId);
        if (ConfirmationRules.lapsed(since, resolvedAt)) {
            outbox.add(new ResolutionUnconfirmed(incidentId, since, period.period(), now));
        }
    }

    /** The resolution awaiting confirmation, the incident's row locked; null when none is. */
    private Instant awaitingSince(UUID incidentId) {
        List<Timestamp> found = jdbc.query("""
                select awaiting_confirmation_since from tracked_incident where incident_id = ? for update""",
                (rs, row) -> rs.getTimestamp(1), incidentId);
        return found.isEmpty() || found.getFirst() == null ? null : found.getFirst().toInstant();
    }

    static String instanceId(UUID incidentId, Instant resolvedAt) {
        return incidentId + ":" + resolvedAt.toEpochMilli();
    }
}
