package dev.incidentloop.reporting.replay;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a replay stands.
 *
 * @param eventsTotal records on the topics when the replay started (it grows if the final catch-up finds more)
 * @param secondsLeft at the current rate; null before the first events or after the end
 */
public record ReplayProgress(State state, long eventsDone, long eventsTotal, double eventsPerSecond,
                             Double secondsLeft, Instant startedAt, Instant finishedAt, String error) {

    public enum State { IDLE, RUNNING, DONE, FAILED }

    static final ReplayProgress IDLE = new ReplayProgress(State.IDLE, 0, 0, 0, null, null, null, null);

    /**
     * This progress as the instances see it at {@code now}, its instance having last reported it at {@code heartbeat}:
     * a running replay whose instance has been silent for longer than {@code abandonedAfter} stopped with it (the
     * process died or lost its database), and counts as failed; another may start.
     */
    ReplayProgress seenAt(Instant now, Instant heartbeat, Duration abandonedAfter) {
        if (state != State.RUNNING || heartbeat == null || !heartbeat.plus(abandonedAfter).isBefore(now)) {
            return this;
        }
        return new ReplayProgress(State.FAILED, eventsDone, eventsTotal, 0, null, startedAt, heartbeat,
                "abandoned: the instance running it has not reported since " + heartbeat);
    }

    /** Whether a replay may start while this one is as it is. */
    boolean leavesRoom() {
        return state != State.RUNNING;
    }
}
