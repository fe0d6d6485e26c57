package dev.incidentloop.reporting.sla;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.time.Instant;

/**
 * One service-level clock of an incident as the read model knows it.
 *
 * @param target    what the clock allows; null until escalation-service has set its deadline
 * @param stoppedAt when the clock stopped (the response clock at the first acknowledgement or resolution, the
 *                  resolution clock at the first resolution); null while it runs
 * @param timeLeft  until the deadline, negative once it passed; null once the clock stopped or without deadline
 */
public record SlaClockView(Duration target, Instant dueAt, Instant stoppedAt, Status status, Duration timeLeft) {

    public enum Status {
        /** No deadline known yet (the incident is not classified, or its deadline has not arrived). */
        UNKNOWN("unknown"),
        RUNNING("running"),
        /** Still running, deadline passed. */
        OVERDUE("overdue"),
        /** Not counting while the incident waits for its reporter or a vendor. */
        PAUSED("paused"),
        MET("met"),
        MISSED("missed");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }
    }

    /**
     * @param met    escalation-service's verdict when the clock stopped; null if not known
     * @param paused whether the clock is paused
     */
    static SlaClockView of(Long targetSeconds, Instant dueAt, Instant stoppedAt, boolean breached, Boolean met,
                           boolean paused, Instant now) {
        if (dueAt == null) {
            return new SlaClockView(null, null, stoppedAt, Status.UNKNOWN, null);
        }
        Duration target = targetSeconds == null ? null : Duration.ofSeconds(targetSeconds);
        if (stoppedAt != null) {
            boolean missed = breached || (met != null ? !met : stoppedAt.isAfter(dueAt));
            return new SlaClockView(target, dueAt, stoppedAt, missed ? Status.MISSED : Status.MET, null);
        }
        if (paused) {
            return new SlaClockView(target, dueAt, null, breached ? Status.OVERDUE : Status.PAUSED, null);
        }
        Duration left = Duration.between(now, dueAt);
        Status status = breached || left.isNegative() ? Status.OVERDUE : Status.RUNNING;
        return new SlaClockView(target, dueAt, null, status, left);
    }
}
