package dev.incidentloop.reporting.facts;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the live listeners of every instance out of the live tables while a replay catches up and swaps its tables
 * in. Each live transaction first takes a shared advisory lock ({@link #enterLive}); the replay takes it exclusively
 * ({@link #close}), which waits for the live transactions under way and holds back the next ones until it opens
 * again. An event applied to the live tables after the replay's last read of the topics would otherwise be lost with
 * the old tables, and the instance that applied it would never read it again.
 */
@Component
public class ReplayFence {

    /** The advisory lock's key (the letters "replay"). */
    private static final long KEY = 0x7265706c6179L;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    ReplayFence(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Called first in a live transaction: waits while a replay holds the fence closed. */
    void enterLive() {
        jdbc.queryForObject("select pg_advisory_xact_lock_shared(?)", Object.class, KEY);
    }

    /** A closed fence; opening it lets the live transactions go on. */
    public interface Closed extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }

    /**
     * Closes the fence, once the live transactions under way have finished, on a connection of its own that holds it
     * until {@link Closed#close}; should that connection be lost, the fence opens by itself.
     */
    public Closed close() throws SQLException {
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_lock(" + KEY + ")");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return () -> {
            try (connection; Statement statement = connection.createStatement()) {
                statement.execute("select pg_advisory_unlock(" + KEY + ")");
            }
        };
    }
}
