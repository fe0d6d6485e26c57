package dev.incidentloop.kit.deadletter;

import dev.incidentloop.kit.kafka.ConsumedTopics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Dead letters to inspect and process again ({@code /admin/dead-letters}), for every service that consumes topics
 * ({@code platform.dead-letters.enabled}, on unless set false; the kit migrates its table).
 */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@ConditionalOnProperty(name = "platform.dead-letters.enabled", matchIfMissing = true)
public class DeadLetterConfiguration {

    @Bean
    @ConditionalOnBean({JdbcTemplate.class, ConsumedTopics.class})
    DeadLetters deadLetters(KafkaProperties kafka, @Value("${spring.application.name}") String group,
                            ObjectProvider<ConsumedTopics> consumed, ObjectProvider<DeadLetterHandler> handlers,
                            JdbcTemplate jdbc) {
        return new DeadLetters(kafka, group, consumed.orderedStream().flatMap(c -> c.topics().stream()).distinct()
                .toList(), handlers.orderedStream().toList(), jdbc);
    }

    @Bean
    @ConditionalOnBean(DeadLetters.class)
    DeadLetterController deadLetterController(DeadLetters deadLetters) {
        return new DeadLetterController(deadLetters);
    }
}
