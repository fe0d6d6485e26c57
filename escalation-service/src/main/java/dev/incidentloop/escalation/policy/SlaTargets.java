package dev.incidentloop.escalation.policy;

import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SlaClock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * DOMAIN.md section 2, rule "Escalation" and the KPIs "responded within target" and "resolved within target": how
 * long an incident of each priority may wait for a response, and for its resolution. Every priority must have both
 * targets.
 */
@ConfigurationProperties("escalation")
public record SlaTargets(Map<Priority, Duration> responseTargets, Map<Priority, Duration> resolutionTargets) {

    public SlaTargets {
        responseTargets = complete("escalation.response-targets", responseTargets);
        resolutionTargets = complete("escalation.resolution-targets", resolutionTargets);
    }

    public Duration of(SlaClock clock, Priority priority) {
        return switch (clock) {
            case RESPONSE -> responseTargets.get(priority);
            case RESOLUTION -> resolutionTargets.get(priority);
        };
    }

    private static Map<Priority, Duration> complete(String key, Map<Priority, Duration> configured) {
        EnumMap<Priority, Duration> targets = new EnumMap<>(Priority.class);
        if (configured != null) {
            targets.putAll(configured);
        }
        for (Priority priority : Priority.values()) {
            Duration target = targets.get(priority);
            if (target == null || target.isNegative() || target.isZero()) {
                throw new IllegalArgumentException(
                        key + "." + priority + " must be a positive duration, was " + target);
            }
        }
        return Map.copyOf(targets);
    }
}
