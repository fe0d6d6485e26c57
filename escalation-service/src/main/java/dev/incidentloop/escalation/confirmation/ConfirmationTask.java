package dev.incidentloop.escalation.confirmation;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.support.TransactionTemplate;

/** The db-scheduler task behind each confirmation period; see {@link Confirmations}. */
@Configuration
class ConfirmationTask {

    @Bean
    OneTimeTask<Void> confirmationPeriodOneTimeTask(@Lazy Confirmations confirmations, TransactionTemplate transactions,
                                                    Clock clock) {
        return Tasks.oneTime(Confirmations.TASK).execute((instance, context) ->
                transactions.executeWithoutResult(s -> {
                    String id = instance.getId();
                    int colon = id.indexOf(':');
                    confirmations.lapsed(UUID.fromString(id.substring(0, colon)),
                            Instant.ofEpochMilli(Long.parseLong(id.substring(colon + 1))), clock.instant());
                }));
    }
}
