package dev.incidentloop.escalation.sla;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.incidentloop.events.SlaClock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The deadline and the warning of each clock, as db-scheduler one-time tasks stored in PostgreSQL (see
 * {@link SlaDeadlineTask}), named by incident and clock. Called inside the caller's transaction, which db-scheduler
 * joins.
 */
@Component
class SlaDeadlines {

    static final String DEADLINE = "sla-deadline";
    static final String WARNING = "sla-warning";

    private final SchedulerClient scheduler;

    SlaDeadlines(SchedulerClient scheduler) {
        this.scheduler = scheduler;
    }

    /** A task of a clock and when it is due. */
    record Due(String task, UUID incidentId, SlaClock clock, Instant at) {
    }

    /**
     * Schedules tasks that do not exist yet, in one batch and without looking for them first; one that exists
     * fails the transaction.
     */
    void scheduleNew(List<Due> due) {
        if (!due.isEmpty()) {
            scheduler.scheduleBatch(due.stream().<SchedulableInstance<?>>map(d -> SchedulableInstance.of(
                    new TaskInstance<Void>(d.task(), instanceId(d.incidentId(), d.clock())), d.at())).toList());
        }
    }

    void schedule(String task, UUID incidentId, SlaClock clock, Instant at) {
        scheduler.scheduleIfNotExists(new TaskInstance<Void>(task, instanceId(incidentId, clock)), at);
    }

    void cancel(String task, UUID incidentId, SlaClock clock) {
        var id = TaskInstanceId.of(task, instanceId(incidentId, clock));
        if (scheduler.getScheduledExecution(id).isPresent()) {
            scheduler.cancel(id);
        }
    }

    static String instanceId(UUID incidentId, SlaClock clock) {
        return incidentId + ":" + clock.wireName();
    }
}
