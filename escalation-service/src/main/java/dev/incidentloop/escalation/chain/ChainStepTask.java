package dev.incidentloop.escalation.chain;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The db-scheduler task behind each step of a chain; see {@link Chains}. {@link Chains} is injected lazily: it needs
 * the scheduler, which needs this task.
 */
@Configuration
class ChainStepTask {

    @Bean
    OneTimeTask<Void> chainStepOneTimeTask(@Lazy Chains chains, TransactionTemplate transactions, Clock clock) {
        return Tasks.oneTime(Chains.STEP_TASK).execute((instance, context) -> transactions.executeWithoutResult(s -> {
            Chains.Step step = Chains.Step.parse(instance.getId());
            chains.step(step.incidentId(), step.kind(), step.level(), step.repeat(), clock.instant());
        }));
    }
}
