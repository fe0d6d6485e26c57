package dev.incidentloop.kit.inbox;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The processed-event table, for services that consume events ({@code platform.inbox.enabled=true}; the kit migrates
 * the table, see {@code KitSchema}).
 */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@ConditionalOnProperty("platform.inbox.enabled")
public class InboxConfiguration {

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    ProcessedEvents processedEvents(JdbcTemplate jdbc) {
        return new ProcessedEvents(jdbc);
    }
}
