package dev.incidentloop.escalation.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SlaClock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DOMAIN.md section 2, rule "Escalation" and the KPIs "responded within target" and "resolved within target": a
 * response and a resolution target are set for every priority.
 */
class SlaTargetsTest {

    @Test
    void every_priority_has_its_own_target() {
        Map<Priority, Duration> configured = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            configured.put(p, Duration.ofMinutes(15L * (p.ordinal() + 1)));
        }

        Map<Priority, Duration> resolution = new EnumMap<>(Priority.class);
        configured.forEach((p, d) -> resolution.put(p, d.multipliedBy(8)));

        var targets = new SlaTargets(configured, resolution);

        assertThat(targets.of(SlaClock.RESPONSE, Priority.P1)).isEqualTo(Duration.ofMinutes(15));
        assertThat(targets.of(SlaClock.RESPONSE, Priority.P5)).isEqualTo(Duration.ofMinutes(75));
        assertThat(targets.of(SlaClock.RESOLUTION, Priority.P1)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void a_priority_without_a_target_is_a_configuration_error() {
        Map<Priority, Duration> configured = new EnumMap<>(Priority.class);
        configured.put(Priority.P1, Duration.ofMinutes(15));

        assertThatThrownBy(() -> new SlaTargets(configured, all(Duration.ofHours(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("escalation.response-targets.P2");
        assertThatThrownBy(() -> new SlaTargets(all(Duration.ofHours(1)), configured))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("escalation.resolution-targets.P2");
    }

    @Test
    void a_zero_target_is_a_configuration_error() {
        assertThatThrownBy(() -> new SlaTargets(all(Duration.ZERO), all(Duration.ofHours(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<Priority, Duration> all(Duration target) {
        Map<Priority, Duration> configured = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            configured.put(p, target);
        }
        return configured;
    }
}
