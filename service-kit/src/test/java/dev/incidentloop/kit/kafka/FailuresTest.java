package dev.incidentloop.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

/** A valid event is never parked because a dependency was away: which failures a listener waits out. */
class FailuresTest {

    @Test
    void the_database_or_the_broker_being_away_passes_by_itself() {
        var noConnection = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));

        assertThat(Failures.passesByItself(noConnection)).isTrue();
        assertThat(Failures.passesByItself(new BatchListenerFailedException("poll failed", noConnection, 3)))
                .as("as a batch listener reports it").isTrue();
        assertThat(Failures.passesByItself(new CannotCreateTransactionException("no connection",
                new ConnectException("Connection refused")))).isTrue();
        assertThat(Failures.passesByItself(new TimeoutException("broker away"))).isTrue();
    }

    @Test
    void a_bug_or_a_record_that_cannot_be_applied_does_not() {
        assertThat(Failures.passesByItself(new NullPointerException("a bug"))).isFalse();
        assertThat(Failures.passesByItself(new IllegalArgumentException("satisfaction must be 1 to 5"))).isFalse();
        assertThat(Failures.passesByItself(new RejectedRecordException("not an IntakeReport"))).isFalse();
    }
}
