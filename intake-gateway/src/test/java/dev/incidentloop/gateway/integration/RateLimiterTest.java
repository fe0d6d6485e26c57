package dev.incidentloop.gateway.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(now::get);

    @Test
    void an_integration_without_a_rate_is_never_held_back() {
        Integration unlimited = TestIntegrations.integration("a", "a", "k", null);

        assertThat(limiter.admit(unlimited, 1_000_000)).isZero();
    }

    @Test
    void a_minutes_allowance_goes_at_once_then_the_next_event_waits_for_its_share_of_the_minute() {
        Integration sixPerMinute = TestIntegrations.integration("b", "b", "k", 6);

        assertThat(limiter.admit(sixPerMinute, 6)).isZero();
        assertThat(limiter.admit(sixPerMinute, 1)).isEqualTo(10);

        now.addAndGet(TimeUnit.SECONDS.toNanos(10));
        assertThat(limiter.admit(sixPerMinute, 1)).isZero();
        assertThat(limiter.admit(sixPerMinute, 1)).isEqualTo(10);
    }

    @Test
    void a_batch_is_admitted_whole_or_not_at_all() {
        Integration sixPerMinute = TestIntegrations.integration("c", "c", "k", 6);
        limiter.admit(sixPerMinute, 4);

        assertThat(limiter.admit(sixPerMinute, 3)).isEqualTo(10);
        assertThat(limiter.admit(sixPerMinute, 2)).isZero();
    }

    @Test
    void a_batch_larger_than_a_minutes_allowance_passes_on_a_full_bucket_and_empties_it() {
        Integration sixPerMinute = TestIntegrations.integration("d", "d", "k", 6);

        assertThat(limiter.admit(sixPerMinute, 50)).isZero();
        assertThat(limiter.admit(sixPerMinute, 1)).isEqualTo(10);
    }
}
