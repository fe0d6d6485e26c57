package dev.incidentloop.escalation.sla;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.incidentloop.escalation.outbox.Outbox;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.events.SlaBreached;
import dev.incidentloop.events.SlaClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens when a clock's deadline passes. db-scheduler keeps the deadline in PostgreSQL, so it survives
 * restarts, and with several instances running exactly one picks it up. If the clock still runs it is marked
 * breached and SlaBreached goes to the outbox; a missed response also escalates the incident (DOMAIN.md section 2,
 * rule "Escalation": functional escalation when not handled within the time set for the priority). All of it
 * happens in one transaction under a row lock, so a deadline that runs twice (an instance died mid-way) counts once.
 */
@Configuration
class SlaDeadlineTask {

    static final String NAME = "sla-deadline";
    static final String RESPONSE_REASON = "response-sla";
    private static final Logger log = LoggerFactory.getLogger(SlaDeadlineTask.class);

    @Bean
    OneTimeTask<Void> slaDeadlineOneTimeTask(SlaClocks clocks, Outbox outbox, TransactionTemplate transactions,
                                             Clock clock) {
        return Tasks.oneTime(NAME).execute((instance, context) -> transactions.executeWithoutResult(status -> {
            String id = instance.getId();
            int colon = id.indexOf(':');
            UUID incidentId = UUID.fromString(id.substring(0, colon));
            SlaClock which = SlaClock.valueOf(id.substring(colon + 1).toUpperCase(java.util.Locale.ROOT));
            var running = clocks.lock(incidentId, which).filter(c -> c.stoppedAt() == null && c.breachedAt() == null);
            if (running.isEmpty()) {
                log.debug("The {} deadline of {} passed after the clock stopped; nothing to do", which, incidentId);
                return;
            }
            Instant now = clock.instant();
            SlaClockState c = running.get();
            clocks.markBreached(incidentId, which, now);
            outbox.add(new SlaBreached(incidentId, which, c.target(), Duration.between(c.startedAt(), now), now));
            if (which == SlaClock.RESPONSE) {
                outbox.add(new IncidentEscalated(incidentId, 1, RESPONSE_REASON, c.priority(), c.target(), now));
                log.info("Incident {} ({}) not acknowledged within {}: escalated", incidentId, c.priority(),
                        c.target());
            } else {
                log.info("Incident {} ({}) not resolved within {}", incidentId, c.priority(), c.target());
            }
        }));
    }
}
