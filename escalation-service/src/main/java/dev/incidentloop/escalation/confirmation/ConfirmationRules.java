package dev.incidentloop.escalation.confirmation;

import dev.incidentloop.escalation.calendar.Calendar;
import dev.incidentloop.escalation.calendar.Target;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The confirmation period's rules as pure decisions: a resolution lapses unconfirmed when the period has passed on the
 * calendar (5 working days after Monday 11:00 is the next Monday 11:00, never the Saturday before), and only if it is
 * still the resolution awaiting confirmation (not confirmed, rejected, reopened or resolved again since).
 */
final class ConfirmationRules {

    private ConfirmationRules() {
    }

    static Instant lapsesAt(Target period, Calendar calendar, Instant resolvedAt) {
        return period.due(calendar, resolvedAt);
    }

    /** Whether the resolution the timer was set for is the one still awaiting confirmation (to the millisecond). */
    static boolean lapsed(Instant awaitingSince, Instant timerResolvedAt) {
        return awaitingSince != null
                && awaitingSince.truncatedTo(ChronoUnit.MILLIS).equals(timerResolvedAt.truncatedTo(ChronoUnit.MILLIS));
    }
}
