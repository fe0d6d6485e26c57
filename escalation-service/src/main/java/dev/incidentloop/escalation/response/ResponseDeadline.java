package dev.incidentloop.escalation.response;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The response deadline of an incident, as a db-scheduler one-time task stored in PostgreSQL (see
 * {@link ResponseDeadlineTask}). Called inside the listener's transaction, which db-scheduler joins.
 */
@Component
class ResponseDeadline {

    private final SchedulerClient scheduler;

    ResponseDeadline(SchedulerClient scheduler) {
        this.scheduler = scheduler;
    }

    void schedule(UUID incidentId, Instant dueAt) {
        scheduler.scheduleIfNotExists(new TaskInstance<Void>(ResponseDeadlineTask.NAME, incidentId.toString()), dueAt);
    }

    void cancel(UUID incidentId) {
        var id = TaskInstanceId.of(ResponseDeadlineTask.NAME, incidentId.toString());
        if (scheduler.getScheduledExecution(id).isPresent()) {
            scheduler.cancel(id);
        }
    }
}
