package dev.incidentloop.escalation.sla;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.incidentloop.escalation.incident.TrackedIncidents;
import dev.incidentloop.events.SlaClock;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens when a clock's warning time or deadline passes (see {@link SlaService}). db-scheduler keeps both in
 * PostgreSQL, so they survive restarts, and with several instances running exactly one picks each up. The clock's
 * row is locked while it is handled, so a task that runs twice (an instance died mid-way) counts once.
 */
@Configuration
class SlaDeadlineTask {

    @Bean
    OneTimeTask<Void> slaDeadlineOneTimeTask(@Lazy SlaService sla, TrackedIncidents incidents,
                                             TransactionTemplate transactions, Clock clock) {
        return Tasks.oneTime(SlaDeadlines.DEADLINE).execute((instance, context) ->
                transactions.executeWithoutResult(s -> {
                    UUID incidentId = incidentId(instance.getId());
                    sla.deadline(incidentId, clock(instance.getId()), clock.instant(),
                            incidents.find(incidentId).orElse(null));
                }));
    }

    @Bean
    OneTimeTask<Void> slaWarningOneTimeTask(@Lazy SlaService sla, TransactionTemplate transactions, Clock clock) {
        return Tasks.oneTime(SlaDeadlines.WARNING).execute((instance, context) ->
                transactions.executeWithoutResult(s ->
                        sla.warning(incidentId(instance.getId()), clock(instance.getId()), clock.instant())));
    }

    private static UUID incidentId(String instanceId) {
        return UUID.fromString(instanceId.substring(0, instanceId.indexOf(':')));
    }

    private static SlaClock clock(String instanceId) {
        return SlaClock.valueOf(instanceId.substring(instanceId.indexOf(':') + 1).toUpperCase(Locale.ROOT));
    }
}
