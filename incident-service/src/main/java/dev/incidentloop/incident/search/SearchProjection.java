package dev.incidentloop.incident.search;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.IncidentEvent;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SupportLine;
import dev.incidentloop.incident.lifecycle.IncidentFacts;
import dev.incidentloop.incident.lifecycle.IncidentState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code incident_summary}, the table searches read, so that no search replays events. It is changed in the
 * transaction that stores the events (a subscribing processor), so it never lags behind the store; a failure here
 * undoes the command. The row is the incident's {@link IncidentFacts} after the event, folded by the same code as
 * the aggregate and the view, from the facts of the previous event: kept in memory for the incidents changed last,
 * else read back from the row, or from the event store for an incident that has no row. Every write is guarded by the event's sequence number, so no event is applied twice.
 */
@Component
@ProcessingGroup(SearchProjection.PROCESSING_GROUP)
class SearchProjection {

    static final String PROCESSING_GROUP = "incident-search";
    private static final int REMEMBERED = 4_096;

    private record Known(long version, IncidentFacts facts) {
    }

    private final JdbcTemplate jdbc;
    /** Only for an incident without a summary row; looked up then, as the event store is built after this. */
    private final ObjectProvider<EventStore> eventStore;
    /** The facts as of a version, for the incidents changed last; taken out while an event is folded into them. */
    private final Map<UUID, Known> known = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Known> eldest) {
            return size() > REMEMBERED;
        }
    };

    SearchProjection(JdbcTemplate jdbc, ObjectProvider<EventStore> eventStore) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
    }

    @EventHandler
    void on(IncidentEvent event, @SequenceNumber Long sequence) {
        IncidentFacts facts = before(event, sequence);
        if (facts == null) {
            return; // the row is at this event already
        }
        facts.apply(event);
        jdbc.update("""
                insert into incident_summary (incident_id, title, description, category, priority, state,
                                              assignment_group, assignee, support_line, reported_by, reported_at,
                                              resolved_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (incident_id) do update set
                    title = excluded.title, description = excluded.description, category = excluded.category,
                    priority = excluded.priority, state = excluded.state, assignment_group = excluded.assignment_group,
                    assignee = excluded.assignee, support_line = excluded.support_line,
                    reported_by = excluded.reported_by, reported_at = excluded.reported_at,
                    resolved_at = excluded.resolved_at, updated_at = excluded.updated_at, version = excluded.version
                where incident_summary.version < excluded.version""",
                facts.incidentId(), facts.title(), facts.description(), facts.category().wireName(),
                facts.priority() == null ? null : facts.priority().name(), facts.state().name(),
                facts.assignmentGroup(), facts.assignee(), facts.supportLine().wireName(), facts.reportedBy(),
                ts(facts.reportedAt()), ts(facts.resolvedAt()), ts(facts.updatedAt()), sequence);
        synchronized (known) {
            known.put(facts.incidentId(), new Known(sequence, facts));
        }
    }

    /** Drops what it remembers of the incident, so that its next event is folded from the row. */
    void forget(UUID incidentId) {
        synchronized (known) {
            known.remove(incidentId);
        }
    }

    /** The facts just before this event, or null if the row has it already. */
    private IncidentFacts before(IncidentEvent event, long sequence) {
        if (event instanceof IncidentReported) {
            return new IncidentFacts();
        }
        Known remembered;
        synchronized (known) {
            remembered = known.remove(event.incidentId());
        }
        if (remembered != null && remembered.version() == sequence - 1) {
            return remembered.facts();
        }
        List<Known> rows = jdbc.query("select * from incident_summary where incident_id = ?", SearchProjection::known,
                event.incidentId());
        if (rows.isEmpty()) {
            return fromHistory(event.incidentId(), sequence);
        }
        return rows.getFirst().version() >= sequence ? null : rows.getFirst().facts();
    }

    /** An incident stored without a summary (by a release before the search table): its events before this one. */
    private IncidentFacts fromHistory(UUID incidentId, long sequence) {
        IncidentFacts facts = new IncidentFacts();
        eventStore.getObject().readEvents(incidentId.toString(), 0).asStream()
                .filter(message -> message.getSequenceNumber() < sequence)
                .forEach(message -> facts.apply((IncidentEvent) message.getPayload()));
        return facts;
    }

    private static Known known(ResultSet rs, int row) throws SQLException {
        String priority = rs.getString("priority");
        return new Known(rs.getLong("version"), IncidentFacts.summarised(rs.getObject("incident_id", UUID.class),
                rs.getString("title"), rs.getString("description"),
                wire(Category.values(), Category::wireName, rs.getString("category")),
                priority == null ? null : Priority.valueOf(priority), IncidentState.valueOf(rs.getString("state")),
                rs.getString("assignment_group"), rs.getString("assignee"),
                wire(SupportLine.values(), SupportLine::wireName, rs.getString("support_line")),
                rs.getString("reported_by"), instant(rs, "reported_at"), instant(rs, "resolved_at"),
                instant(rs, "updated_at")));
    }

    private static <E> E wire(E[] values, Function<E, String> name, String wireName) {
        return wireName == null ? null
                : Arrays.stream(values).filter(v -> name.apply(v).equals(wireName)).findFirst().orElseThrow();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
