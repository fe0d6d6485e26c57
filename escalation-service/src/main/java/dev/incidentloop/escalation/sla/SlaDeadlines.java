package dev.incidentloop.escalation.sla;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.incidentloop.events.SlaClock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The deadline of each clock, as a db-scheduler one-time task stored in PostgreSQL (see {@link SlaDeadlineTask}),
 * named by incident and clock. Called inside the listener's transaction, which db-scheduler joins.
 */
@Component
class SlaDeadlines {

    private final SchedulerClient scheduler;

    SlaDeadlines(SchedulerClient scheduler) {
        this.scheduler = scheduler;
    }

    void schedule(UUID incidentId, SlaClock clock, Instant dueAt) {
        scheduler.scheduleIfNotExists(new TaskInstance<Void>(SlaDeadlineTask.NAME, instanceId(incidentId, clock)),
                dueAt);
    }

    void cancel(UUID incidentId, SlaClock clock) {
        var id = TaskInstanceId.of(SlaDeadlineTask.NAME, instanceId(incidentId, clock));
        if (scheduler.getScheduledExecution(id).isPresent()) {
            scheduler.cancel(id);
        }
    }

    static String instanceId(UUID incidentId, SlaClock clock) {
        return incidentId + ":" + clock.wireName();
    }
}
