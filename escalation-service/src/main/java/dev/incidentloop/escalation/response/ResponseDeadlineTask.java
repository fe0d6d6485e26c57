package dev.incidentloop.escalation.response;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.incidentloop.escalation.outbox.Outbox;
import dev.incidentloop.events.IncidentEscalated;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens when a response deadline passes. db-scheduler keeps the deadline in PostgreSQL, so it survives
 * restarts, and with several instances running exactly one picks it up. If the clock still runs, the incident is
 * escalated: the clock is marked and IncidentEscalated goes to the outbox, in one transaction under a row lock, so
 * a deadline that runs twice (an instance died mid-way) escalates once.
 */
@Configuration
class ResponseDeadlineTask {

    static final String NAME = "response-deadline";
    static final String REASON = "response-sla";
    private static final Logger log = LoggerFactory.getLogger(ResponseDeadlineTask.class);

    @Bean
    OneTimeTask<Void> responseDeadlineOneTimeTask(ResponseClocks clocks, Outbox outbox, TransactionTemplate transactions,
                                       Clock clock) {
        return Tasks.oneTime(NAME).execute((instance, context) -> transactions.executeWithoutResult(status -> {
            UUID incidentId = UUID.fromString(instance.getId());
            var running = clocks.lock(incidentId).filter(c -> c.stoppedAt() == null && c.escalatedAt() == null);
            if (running.isEmpty()) {
                log.debug("Response deadline of {} passed after the clock stopped; nothing to do", incidentId);
                return;
            }
            Instant now = clock.instant();
            ResponseClock c = running.get();
            clocks.markEscalated(incidentId, now);
            outbox.add(new IncidentEscalated(incidentId, 1, REASON, c.priority(), c.target(), now), 0);
            log.info("Incident {} ({}) not acknowledged within {}: escalated", incidentId, c.priority(), c.target());
        }));
    }
}
