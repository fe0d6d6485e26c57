package dev.incidentloop.reporting.facts;

import dev.incidentloop.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The rows of a share of the incidents, folded in memory from all their events and then written with one COPY per
 * table: how a replay fills its fresh tables, where the live listener creates, locks, reads and writes rows a poll
 * at a time. The outcome is the same as {@link FactModel#apply} given the same events: events with an id already
 * seen are skipped, every event's id is recorded, and only incidents whose figures changed get a row. It only
 * creates rows, so every event of its incidents must pass through it, and the tables must hold none of them.
 */
public final class FactFold {

    private static final int CHUNK = 64 * 1024;

    private final EventIds eventIds = new EventIds();
    private final Map<UUID, Fact> facts = new HashMap<>();

    /** Applies an event; an incident's events in their order. */
    public void apply(EventEnvelope event) {
        if (!eventIds.add(event.id())) {
            return;
        }
        Fact fact = facts.get(event.incidentId());
        if (fact != null) {
            fact.apply(event.data());
        } else {
            fact = new Fact(event.incidentId());
            if (fact.apply(event.data())) { // an event that changes nothing leaves a new fact as it was
                facts.put(event.incidentId(), fact);
            }
        }
    }

    /** Writes the event ids and the rows, in the caller's transaction. */
    public void copyInto(Connection connection, FactModel.Tables tables) throws SQLException {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try (var ids = new CopyWriter(copy.copyIn("copy " + tables.processed() + " (event_id) from stdin"))) {
            eventIds.forEach(id -> {
                ids.text.append(id).append('\n');
                ids.flushIfFull();
            });
        }
        try (var rows = new CopyWriter(copy.copyIn("copy " + tables.facts() + " (" + FactRows.COLUMNS
                + ") from stdin"))) {
            for (Fact fact : facts.values()) {
                FactRows.copyRow(fact, rows.text);
                rows.flushIfFull();
            }
        }
    }

    /** Text sent to a COPY in chunks; the COPY ends when closed. */
    private static final class CopyWriter implements AutoCloseable {

        final StringBuilder text = new StringBuilder(CHUNK + 1024);
        private final CopyIn copy;

        CopyWriter(CopyIn copy) {
            this.copy = copy;
        }

        void flushIfFull() throws SQLException {
            if (text.length() >= CHUNK) {
                flush();
            }
        }

        private void flush() throws SQLException {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            text.setLength(0);
        }

        @Override
        public void close() throws SQLException {
            try {
                flush();
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }
    }
}
