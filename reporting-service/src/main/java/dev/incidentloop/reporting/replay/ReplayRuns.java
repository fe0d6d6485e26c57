package dev.incidentloop.reporting.replay;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one replay of all instances, in table {@code replay_run}: a run claims it before it starts, reports its
 * progress there while it runs (its heartbeat), and every instance reads it from there.
 */
@Repository
class ReplayRuns {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Duration abandonedAfter;
    private final Clock clock;

    ReplayRuns(JdbcTemplate jdbc, TransactionTemplate transactions,
               @Value("${reporting.replay.abandoned-after}") Duration abandonedAfter, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.abandonedAfter = abandonedAfter;
        this.clock = clock;
    }

    /** Where the replay stands, as any instance reports it. */
    ReplayProgress current() {
        return jdbc.queryForObject("select * from replay_run", this::seen);
    }

    /**
     * Claims the replay for a run, unless another runs (on any instance, and has not been abandoned); returns whether
     * it did. The row is locked meanwhile, so two instances asked at once do not both claim it.
     */
    boolean claim(UUID run, ReplayProgress progress) {
        return Boolean.TRUE.equals(transactions.execute(s -> {
            ReplayProgress now = jdbc.queryForObject("select * from replay_run for update", this::seen);
            if (!now.leavesRoom()) {
                return false;
            }
            jdbc.update("update replay_run set run_id = ?", run);
            return report(run, progress);
        }));
    }

    /** Records the run's progress, and that its instance is alive; false when the run no longer holds the replay. */
    boolean report(UUID run, ReplayProgress progress) {
        return jdbc.update("""
                update replay_run set state = ?, events_done = ?, events_total = ?, events_per_second = ?,
                    seconds_left = ?, started_at = ?, finished_at = ?, error = ?, heartbeat_at = ?
                where run_id = ?""", progress.state().name(), progress.eventsDone(), progress.eventsTotal(),
                progress.eventsPerSecond(), progress.secondsLeft(), timestamp(progress.startedAt()),
                timestamp(progress.finishedAt()), progress.error(), Timestamp.from(clock.instant()), run) == 1;
    }

    private ReplayProgress seen(ResultSet rs, int row) throws SQLException {
        var stored = new ReplayProgress(ReplayProgress.State.valueOf(rs.getString("state")), rs.getLong("events_done"),
                rs.getLong("events_total"), rs.getDouble("events_per_second"),
                (Double) rs.getObject("seconds_left"), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")), rs.getString("error"));
        return stored.seenAt(clock.instant(), instant(rs.getTimestamp("heartbeat_at")), abandonedAfter);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
