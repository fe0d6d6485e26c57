package dev.incidentloop.kit.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
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
 * the kit migrates the {@code outbox} and {@code outbox_stream} tables, see {@code KitSchema}). Events carry the source {@code /<application name>}.
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

    /**
     * What an operator alerts on: events decided but not yet on Kafka ({@code platform.outbox.backlog}) and how long
     * the oldest has waited ({@code platform.outbox.oldest.seconds}); both read from the table when scraped.
     */
    @Bean
    MeterBinder outboxMetrics(JdbcTemplate jdbc) {
        return registry -> {
            Gauge.builder("platform.outbox.backlog", jdbc, j -> count(j, "select count(*) from outbox"))
                    .description("events in the outbox not yet sent to Kafka").register(registry);
            Gauge.builder("platform.outbox.oldest.seconds", jdbc, j -> count(j, """
                    select coalesce(extract(epoch from now() - min(created_at)), 0) from outbox"""))
                    .description("how long the oldest event in the outbox has waited").baseUnit("seconds")
                    .register(registry);
        };
    }

    private static double count(JdbcTemplate jdbc, String sql) {
        Number value = jdbc.queryForObject(sql, Number.class);
        return value == null ? 0 : value.doubleValue();
    }
}
