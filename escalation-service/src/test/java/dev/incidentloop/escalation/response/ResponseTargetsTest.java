package dev.incidentloop.escalation.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentloop.events.Priority;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DOMAIN.md section 2, rule "Escalation": a response target is set for every priority. */
class ResponseTargetsTest {

    @Test
    void every_priority_has_its_own_target() {
        Map<Priority, Duration> configured = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            configured.put(p, Duration.ofMinutes(15L * (p.ordinal() + 1)));
        }

        var targets = new ResponseTargets(configured);

        assertThat(targets.forPriority(Priority.P1)).isEqualTo(Duration.ofMinutes(15));
        assertThat(targets.forPriority(Priority.P5)).isEqualTo(Duration.ofMinutes(75));
    }

    @Test
    void a_priority_without_a_target_is_a_configuration_error() {
        Map<Priority, Duration> configured = new EnumMap<>(Priority.class);
        configured.put(Priority.P1, Duration.ofMinutes(15));

        assertThatThrownBy(() -> new ResponseTargets(configured))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("escalation.response-targets.P2");
    }

    @Test
    void a_zero_target_is_a_configuration_error() {
        Map<Priority, Duration> configured = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            configured.put(p, Duration.ZERO);
        }

        assertThatThrownBy(() -> new ResponseTargets(configured)).isInstanceOf(IllegalArgumentException.class);
    }
}
