package dev.incidentloop.kit.inbox;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
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

    /** Of these event ids, those seen for the first time, in one statement. Must run inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<UUID> firstDeliveries(Collection<UUID> eventIds) {
        return firstDeliveries(eventIds, "processed_event");
    }

    /**
     * The same against another table of the same shape, such as a copy being rebuilt. Must run inside the caller's
     * transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<UUID> firstDeliveries(Collection<UUID> eventIds, String table) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("insert into " + table + " (event_id) select unnest(?::uuid[]) "
                + "on conflict do nothing returning event_id", UUID.class, (Object) eventIds.toArray(UUID[]::new)));
    }
}
