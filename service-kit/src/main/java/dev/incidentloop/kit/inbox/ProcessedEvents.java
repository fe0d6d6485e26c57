package dev.incidentloop.kit.inbox;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idempotency guard of a consumer: records an event id in the same transaction as the change the event
 * causes, so a redelivered event is recognised and skipped. Each service owns its {@code processed_event} table.
 */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;

    public ProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time an event id is seen; false for every redelivery. Must run inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(UUID eventId) {
        return jdbc.update("insert into processed_event (event_id) values (?) on conflict do nothing", eventId) == 1;
    }
}
