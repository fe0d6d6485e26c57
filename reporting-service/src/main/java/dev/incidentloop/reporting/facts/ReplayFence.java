package dev.incidentloop.reporting.facts;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
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
    private final DataSourceProperties database;

    ReplayFence(JdbcTemplate jdbc, DataSourceProperties database) {
        this.jdbc = jdbc;
        this.database = database;
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
     * Closes the fence, once the live transactions under way have finished. It is held by a session of its own,
     * outside the pool, and opens when that session ends ({@link Closed#close}, or the connection lost): a pooled
     * connection given back while still holding it would keep the live listeners waiting for good.
     */
    public Closed close() throws SQLException {
        Connection connection = DriverManager.getConnection(database.determineUrl(), database.determineUsername(),
                database.determinePassword());
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_lock(" + KEY + ")");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection::close;
    }
}
