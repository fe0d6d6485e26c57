package dev.incidentloop.escalation.regulatory;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.support.TransactionTemplate;

/** The db-scheduler task behind each reporting obligation's deadline; see {@link RegulatoryDeadlines}. */
@Configuration
class RegulatoryDeadlineTask {

    @Bean
    OneTimeTask<Void> regulatoryDeadlineOneTimeTask(@Lazy RegulatoryDeadlines deadlines, TransactionTemplate transactions,
                                                    Clock clock) {
        return Tasks.oneTime(RegulatoryDeadlines.TASK).execute((instance, context) ->
                transactions.executeWithoutResult(s -> {
                    String id = instance.getId();
                    int colon = id.indexOf(':');
                    deadlines.due(UUID.fromString(id.substring(0, colon)), id.substring(colon + 1), clock.instant());
                }));
    }
}
