package dev.incidentloop.incident.config;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AxonConfiguration {

    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * Axon's default resolver reads vendor error codes, which PostgreSQL leaves at 0, so it never sees a duplicate
     * key; PostgreSQL reports it by SQLState. Without this, a second creation of the same incident or two
     * concurrent commands on one incident would surface as a generic storage failure instead of a duplicate or a
     * concurrency conflict.
     */
    @Bean
    PersistenceExceptionResolver postgresDuplicateKeyResolver() {
        return exception -> {
            for (Throwable t = exception; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * Axon's default logs a failing event handler and moves on, which for the relay would skip an event for good.
     * Propagating makes the processor retry the same event, with back-off, until Kafka takes it.
     */
    @Autowired
    void relayRetriesUntilPublished(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler("kafka-relay", c -> PropagatingErrorHandler.instance());
    }
}
