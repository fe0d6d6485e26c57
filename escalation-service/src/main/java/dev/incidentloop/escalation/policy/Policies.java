package dev.incidentloop.escalation.policy;

import dev.incidentloop.escalation.store.Documents;
import dev.incidentloop.escalation.calendar.Calendar;
import dev.incidentloop.escalation.calendar.WorkingDays;
import dev.incidentloop.escalation.oncall.Schedule;
import dev.incidentloop.escalation.policy.SlaTargets;
import dev.incidentloop.events.Category;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds the policy, calendar and schedules that apply. A category's own policy comes first, then the one named
 * {@code default}; without either, the {@link BuiltInPolicy}. A policy without a calendar counts its working-day and
 * business-hour targets on the built-in {@link WorkingDays} calendar; {@value #ALWAYS} counts clock time.
 */
@Component
public class Policies {

    public static final String DEFAULT = "default";
    /** The calendar of clock time, always there. */
    public static final String ALWAYS = "24x7";

    private final Documents documents;
    private final Map<Category, EscalationPolicy> builtIn = new EnumMap<>(Category.class);
    private final Calendar workingDays;

    Policies(Documents documents, SlaTargets configured, WorkingDays workingDays) {
        this.documents = documents;
        this.workingDays = workingDays.calendar();
        for (Category category : Category.values()) {
            builtIn.put(category, BuiltInPolicy.of(category, configured));
        }
    }

    public EscalationPolicy forCategory(Category category) {
        return documents.find(Documents.Kind.POLICY, category.wireName(), EscalationPolicy.class)
                .or(() -> documents.find(Documents.Kind.POLICY, DEFAULT, EscalationPolicy.class))
                .orElseGet(() -> builtIn.get(category));
    }

    /**
     * The named calendar: clock time for {@value #ALWAYS}; for none, or {@value WorkingDays#NAME}, the one an admin
     * stored under that name or else the built-in working days.
     */
    public Calendar calendar(String name) {
        if (ALWAYS.equals(name)) {
            return Calendar.ALWAYS;
        }
        String named = name == null ? WorkingDays.NAME : name;
        return documents.find(Documents.Kind.CALENDAR, named, Calendar.class)
                .or(() -> named.equals(WorkingDays.NAME) ? Optional.of(workingDays) : Optional.empty())
                .orElseThrow(() -> new IllegalStateException("calendar '" + name
                        + "' is named by a policy but does not exist"));
    }

    public boolean calendarExists(String name) {
        return name == null || name.equals(ALWAYS) || name.equals(WorkingDays.NAME)
                || documents.find(Documents.Kind.CALENDAR, name, Calendar.class).isPresent();
    }

    public Optional<Schedule> schedule(String name) {
        return documents.find(Documents.Kind.SCHEDULE, name, Schedule.class);
    }
}
