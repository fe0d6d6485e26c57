package dev.incidentloop.escalation.policy;

import dev.incidentloop.escalation.admin.Documents;
import dev.incidentloop.escalation.calendar.Calendar;
import dev.incidentloop.escalation.calendar.Target;
import dev.incidentloop.escalation.oncall.Schedule;
import dev.incidentloop.escalation.sla.SlaTargets;
import dev.incidentloop.events.Category;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SlaClock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Finds the policy, calendar and schedules that apply. A category's own policy comes first, then the one named
 * {@code default}; without either, the built-in default: the targets of {@code escalation.response-targets} and
 * {@code escalation.resolution-targets} in clock time, and a functional chain of one level that notifies whoever is
 * on call for the assigned team when a clock is missed.
 */
@Component
public class Policies {

    public static final String DEFAULT = "default";
    /** The calendar of clock time, always there. */
    public static final String ALWAYS = "24x7";

    private final Documents documents;
    private final EscalationPolicy builtIn;

    Policies(Documents documents, SlaTargets configured) {
        this.documents = documents;
        Map<Priority, EscalationPolicy.Targets> targets = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            targets.put(p, new EscalationPolicy.Targets(Target.clock(configured.of(SlaClock.RESPONSE, p)),
                    Target.clock(configured.of(SlaClock.RESOLUTION, p))));
        }
        this.builtIn = new EscalationPolicy(null, null, targets, List.of(new EscalationPolicy.Level(
                Target.parse("0 minutes"), List.of(new EscalationPolicy.Recipient(null, null, null, true)), 0, null)),
                List.of(), Set.of(Priority.P1));
    }

    public EscalationPolicy forCategory(Category category) {
        return documents.find(Documents.Kind.POLICY, category.wireName(), EscalationPolicy.class)
                .or(() -> documents.find(Documents.Kind.POLICY, DEFAULT, EscalationPolicy.class))
                .orElse(builtIn);
    }

    /** The named calendar; clock time for none or {@value #ALWAYS}. */
    public Calendar calendar(String name) {
        if (name == null || name.equals(ALWAYS)) {
            return Calendar.ALWAYS;
        }
        return documents.find(Documents.Kind.CALENDAR, name, Calendar.class).orElseThrow(() ->
                new IllegalStateException("calendar '" + name + "' is named by a policy but does not exist"));
    }

    public boolean calendarExists(String name) {
        return name == null || name.equals(ALWAYS)
                || documents.find(Documents.Kind.CALENDAR, name, Calendar.class).isPresent();
    }

    public Optional<Schedule> schedule(String name) {
        return documents.find(Documents.Kind.SCHEDULE, name, Schedule.class);
    }
}
