package dev.incidentloop.benchmark;

import java.time.Duration;
import java.time.Instant;

/** One line of progress at most every two seconds, so a long phase shows that it moves. */
final class Progress {

    private final String phase;
    private final long total;
    private final Instant start = Instant.now();
    private Instant last = Instant.EPOCH;

    Progress(String phase, long total) {
        this.phase = phase;
        this.total = total;
    }

    void report(long done) {
        Instant now = Instant.now();
        if (Duration.between(last, now).toMillis() < 2_000 && done < total) {
            return;
        }
        last = now;
        double seconds = Math.max(Duration.between(start, now).toMillis() / 1000.0, 0.001);
        System.out.printf("  %-14s %,d / %,d (%.0f/s)%n", phase, done, total, done / seconds);
    }
}
