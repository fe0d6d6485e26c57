package dev.incidentloop.incident.assignment;

import dev.incidentloop.events.SupportLine;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * DOMAIN.md section 2, rule "Lines of support": the assignment group that works each line. An escalation moves an
 * incident to the next line's group.
 */
@ConfigurationProperties("incident.assignment")
public record LineGroups(Map<SupportLine, String> lineGroups) {

    public LineGroups {
        Map<SupportLine, String> groups = new EnumMap<>(SupportLine.class);
        if (lineGroups != null) {
            groups.putAll(lineGroups);
        }
        for (SupportLine line : SupportLine.values()) {
            if (groups.get(line) == null || groups.get(line).isBlank()) {
                throw new IllegalArgumentException("incident.assignment.line-groups." + line + " must name a group");
            }
        }
        lineGroups = Map.copyOf(groups);
    }
}
