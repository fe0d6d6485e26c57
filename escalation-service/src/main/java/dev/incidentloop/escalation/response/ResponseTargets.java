package dev.incidentloop.escalation.response;

import dev.incidentloop.events.Priority;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * DOMAIN.md section 2, rule "Escalation": how long an incident of each priority may wait for a response before it
 * is escalated. Every priority must have a target.
 */
@ConfigurationProperties("escalation")
public record ResponseTargets(Map<Priority, Duration> responseTargets) {

    public ResponseTargets {
        EnumMap<Priority, Duration> targets = new EnumMap<>(Priority.class);
        if (responseTargets != null) {
            targets.putAll(responseTargets);
        }
        for (Priority priority : Priority.values()) {
            Duration target = targets.get(priority);
            if (target == null || target.isNegative() || target.isZero()) {
                throw new IllegalArgumentException(
                        "escalation.response-targets." + priority + " must be a positive duration, was " + target);
            }
        }
        responseTargets = Map.copyOf(targets);
    }

    public Duration forPriority(Priority priority) {
        return responseTargets.get(priority);
    }
}
