package dev.incidentloop.reporting.facts;

import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.kit.inbox.ProcessedEvents;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How events change the read model: one row per incident in {@code incident_fact}, and each event's id recorded in
 * {@code processed_event} in the same transaction, so that a redelivered event changes nothing. A batch of events
 * (a poll, live or during a replay) costs three statements whatever its size: record the ids, create or lock and
 * read the rows of the incidents whose figures change, and write them back. The rows are locked in id
 * order, so two instances that share incidents across the two topics wait for each other rather than overwrite
 * each other or deadlock. The same code fills the live tables and, during a replay, fresh ones.
 */
@Component
public class FactModel {

    /** The two tables of one copy of the read model. */
    public record Tables(String facts, String processed) {
        public static final Tables LIVE = new Tables("incident_fact", "processed_event");
        public static final Tables REBUILD = new Tables("incident_fact_rebuild", "processed_event_rebuild");
    }

    private final JdbcTemplate jdbc;
    private final ProcessedEvents processed;
    private final ReplayFence fence;

    FactModel(JdbcTemplate jdbc, ProcessedEvents processed, ReplayFence fence) {
        this.jdbc = jdbc;
        this.processed = processed;
        this.fence = fence;
    }

    /**
     * Applies the events in their order; those already processed (before or earlier in the list) are skipped. The live
     * tables are written only while no replay swaps them ({@link ReplayFence}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(List<EventEnvelope> events, Tables tables) {
        if (events.isEmpty()) {
            return;
        }
        if (tables == Tables.LIVE) {
            fence.enterLive();
        }
        Set<UUID> fresh = processed.firstDeliveries(events.stream().map(EventEnvelope::id).distinct().toList(),
                tables.processed());
        List<EventEnvelope> todo = new ArrayList<>(fresh.size());
        for (EventEnvelope e : events) {
            // removed from fresh, so that a copy later in the same batch is skipped; work notes, links, holds and
            // repeats are recorded as processed but give the incident no row
            if (fresh.remove(e.id()) && Fact.changesFigures(e.data())) {
                todo.add(e);
            }
        }
        if (todo.isEmpty()) {
            return;
        }
        Map<UUID, Fact> facts = lockRows(todo.stream().map(EventEnvelope::incidentId)
                .collect(TreeSet::new, Set::add, Set::addAll), tables);
        for (EventEnvelope e : todo) {
            facts.get(e.incidentId()).apply(e.data());
        }
        write(facts.values(), tables);
    }

    /**
     * Creates the rows that are missing and locks all of them in one statement: an upsert that touches every row in
     * id order and returns it as it stands.
     */
    private Map<UUID, Fact> lockRows(Set<UUID> incidents, Tables tables) {
        UUID[] ids = incidents.toArray(UUID[]::new);
        return jdbc.execute((ConnectionCallback<Map<UUID, Fact>>) connection -> {
            Map<UUID, Fact> facts = new LinkedHashMap<>();
            try (PreparedStatement upsert = connection.prepareStatement("insert into " + tables.facts()
                    + " as f (incident_id) select id from unnest(?::uuid[]) as id order by id"
                    + " on conflict (incident_id) do update set incident_id = f.incident_id returning "
                    + FactRows.COLUMNS)) {
                upsert.setArray(1, connection.createArrayOf("uuid", ids));
                try (var rs = upsert.executeQuery()) {
                    while (rs.next()) {
                        Fact fact = FactRows.read(rs);
                        facts.put(fact.incidentId, fact);
                    }
                }
            }
            return facts;
        });
    }

    private void write(Collection<Fact> changed, Tables tables) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement ps = connection.prepareStatement("update " + tables.facts() + " set "
                    + FactRows.ASSIGNMENTS + " where incident_id = ?")) {
                for (Fact fact : changed) {
                    FactRows.bind(fact, ps);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }
}
