package dev.incidentloop.escalation.policy;

import dev.incidentloop.escalation.calendar.Target;
import dev.incidentloop.escalation.policy.SlaTargets;
import dev.incidentloop.events.Category;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SlaClock;
import dev.incidentloop.events.SupportLine;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The policy of a category that has none of its own and no {@code default} one (DOMAIN.md section 2):
 * <ul>
 *   <li>the targets of {@code escalation.response-targets} and {@code escalation.resolution-targets}, in clock
 *       time;</li>
 *   <li>IT service incidents, rule "Lines of support": a missed clock pages the second line ({@code second-line}) and
 *       moves the incident there; an hour on, the vendors ({@code vendor-management}). The first line is the service
 *       desk ({@code service-desk}), which owns the ticket from the start;</li>
 *   <li>the other categories have no IT lines: a missed clock pages whoever is on call for the assigned team, and the
 *       incident stays with it;</li>
 *   <li>rule "Escalation", hierarchical: whoever is on call as {@value #DUTY_MANAGER} at once, and as
 *       {@value #GENERAL_MANAGER} an hour later (each role's on-call schedule is named after it). It runs when an
 *       incident is classified as major and when a reporting obligation is missed.</li>
 * </ul>
 */
final class BuiltInPolicy {

    static final String DUTY_MANAGER = "duty-manager";
    static final String GENERAL_MANAGER = "general-manager";

    private BuiltInPolicy() {
    }

    static EscalationPolicy of(Category category, SlaTargets configured) {
        Map<Priority, EscalationPolicy.Targets> targets = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            targets.put(p, new EscalationPolicy.Targets(Target.clock(configured.of(SlaClock.RESPONSE, p)),
                    Target.clock(configured.of(SlaClock.RESOLUTION, p))));
        }
        List<EscalationPolicy.Level> hierarchical = List.of(role(DUTY_MANAGER, "0 minutes"),
                role(GENERAL_MANAGER, "1 hour"));
        if (category == Category.IT_SERVICE) {
            return new EscalationPolicy(null, null, targets,
                    List.of(line(SupportLine.SECOND, "0 minutes"), line(SupportLine.VENDOR, "1 hour")), hierarchical,
                    Set.of(Priority.P1), Map.of(SupportLine.FIRST, "service-desk", SupportLine.SECOND, "second-line",
                            SupportLine.VENDOR, "vendor-management"));
        }
        return new EscalationPolicy(null, null, targets, List.of(new EscalationPolicy.Level(Target.parse("0 minutes"),
                List.of(assignedTeam()), 0, null, null)), hierarchical, Set.of(Priority.P1), Map.of());
    }

    private static EscalationPolicy.Level line(SupportLine line, String after) {
        return new EscalationPolicy.Level(Target.parse(after), List.of(assignedTeam()), 0, null, line);
    }

    private static EscalationPolicy.Recipient assignedTeam() {
        return new EscalationPolicy.Recipient(null, null, null, true);
    }

    private static EscalationPolicy.Level role(String role, String after) {
        return new EscalationPolicy.Level(Target.parse(after), List.of(new EscalationPolicy.Recipient(null, null, role,
                null)), 0, null, null);
    }
}
