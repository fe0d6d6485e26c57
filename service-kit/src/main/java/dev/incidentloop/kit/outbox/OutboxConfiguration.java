package dev.incidentloop.kit.outbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The transactional outbox, for services that publish events of their own ({@code platform.outbox.enabled=true};
 * they own the {@code outbox} and {@code outbox_stream} tables). Events carry the source {@code /<application name>}.
 */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@ConditionalOnProperty("platform.outbox.enabled")
@EnableScheduling
public class OutboxConfiguration {

    @Bean
    Outbox outbox(JdbcTemplate jdbc, @Value("${spring.application.name}") String application) {
        return new Outbox(jdbc, "/" + application);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, KafkaTemplate<String, Object> kafka) {
        return new OutboxRelay(jdbc, kafka);
    }
}
