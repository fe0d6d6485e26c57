package dev.incidentloop.reporting.replay;

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
}
