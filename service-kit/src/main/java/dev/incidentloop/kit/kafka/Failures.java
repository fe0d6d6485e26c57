package dev.incidentloop.kit.kafka;

import java.net.ConnectException;
import java.sql.SQLTransientException;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure that passes by itself (the database or the broker away for a while) from one that does not (a bug,
 * a record the code cannot apply). A listener waits out the first however long it lasts, so that a valid event is
 * never parked because a dependency was down; the second is retried for a minute and then parked.
 */
public final class Failures {

    private Failures() {
    }

    /** Whether the failure, or anything that caused it, is a dependency being unreachable for now. */
    public static boolean passesByItself(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof CannotCreateTransactionException || t instanceof SQLTransientException
                    || t instanceof ConnectException || t instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }
}
