package dev.incidentloop.notification.feed;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Tells open feeds that new items are stored, by whichever instance of the service stored them: the transaction that
 * adds items notifies the {@value #CHANNEL} channel ({@link FeedItems#addAll}), PostgreSQL delivers that at its commit
 * to every session listening, and this instance listens on a connection of its own, outside the pool. The feeds read
 * the items themselves, so a missed signal loses nothing: they also read on a periodic tick, and after this listener
 * has lost its connection and has it again.
 */
@Component
class FeedSignal implements SmartLifecycle {

    static final String CHANNEL = "feed_item";
    private static final Logger log = LoggerFactory.getLogger(FeedSignal.class);
    private static final int WAIT_MILLIS = 500;
    private static final Duration RECONNECT = Duration.ofSeconds(2);

    private final Sinks.Many<Boolean> sink = Sinks.many().multicast().directBestEffort();
    private final DataSourceProperties database;
    private volatile boolean running;
    private Thread listener;

    FeedSignal(DataSourceProperties database) {
        this.database = database;
    }

    Flux<Boolean> signals() {
        return sink.asFlux();
    }

    @Override
    public synchronized void start() {
        running = true;
        listener = Thread.ofPlatform().daemon().name("feed-signal").start(this::listen);
    }

    @Override
    public synchronized void stop() {
        running = false;
        listener.interrupt();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean lost = false;
        while (running) {
            try (Connection connection = DriverManager.getConnection(database.determineUrl(),
                    database.determineUsername(), database.determinePassword());
                 Statement statement = connection.createStatement()) {
                statement.execute("listen " + CHANNEL);
                if (lost) {
                    log.info("Listening for new feed items again");
                    lost = false;
                }
                // items stored while nobody listened are read now
                sink.tryEmitNext(Boolean.TRUE);
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        sink.tryEmitNext(Boolean.TRUE);
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                if (!lost) {
                    log.warn("Not listening for new feed items ({}); open feeds read on their tick until the "
                            + "database is back", e.getMessage());
                    lost = true;
                }
                try {
                    Thread.sleep(RECONNECT);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }
}
