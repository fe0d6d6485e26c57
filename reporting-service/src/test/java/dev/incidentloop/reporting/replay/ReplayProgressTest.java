package dev.incidentloop.reporting.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayProgressTest {

    private static final Instant STARTED = Instant.parse("2026-12-08T10:00:00Z");
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    @Test
    void a_running_replay_whose_instance_reported_lately_is_running() {
        // given
        var running = running();
        // when
        var seen = running.seenAt(STARTED.plusSeconds(90), STARTED.plusSeconds(40), ABANDONED_AFTER);
        // then
        assertThat(seen).isEqualTo(running);
        assertThat(seen.leavesRoom()).isFalse();
    }

    @Test
    void a_running_replay_whose_instance_fell_silent_failed_and_leaves_room_for_another() {
        // given
        var running = running();
        Instant lastHeard = STARTED.plusSeconds(30);
        // when
        var seen = running.seenAt(lastHeard.plus(ABANDONED_AFTER).plusSeconds(1), lastHeard, ABANDONED_AFTER);
        // then
        assertThat(seen.state()).isEqualTo(ReplayProgress.State.FAILED);
        assertThat(seen.eventsDone()).isEqualTo(400);
        assertThat(seen.finishedAt()).isEqualTo(lastHeard);
        assertThat(seen.error()).startsWith("abandoned");
        assertThat(seen.leavesRoom()).isTrue();
    }

    @Test
    void a_finished_replay_stays_as_it_ended_however_long_ago() {
        // given
        var done = new ReplayProgress(ReplayProgress.State.DONE, 1000, 1000, 50, null, STARTED,
                STARTED.plusSeconds(20), null);
        // when
        var seen = done.seenAt(STARTED.plus(Duration.ofDays(3)), STARTED.plusSeconds(20), ABANDONED_AFTER);
        // then
        assertThat(seen).isEqualTo(done);
        assertThat(seen.leavesRoom()).isTrue();
    }

    private static ReplayProgress running() {
        return new ReplayProgress(ReplayProgress.State.RUNNING, 400, 1000, 20.0, 30.0, STARTED, null, null);
    }
}
