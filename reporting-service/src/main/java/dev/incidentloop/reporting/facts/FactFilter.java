package dev.incidentloop.reporting.facts;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Priority;
import java.util.List;

/**
 * Which incidents of the read model a figure or list is about: optionally one category, one priority, one team (the
 * assignment group an incident was last assigned to). Null means any.
 */
public record FactFilter(Category category, Priority priority, String team) {

    public static final FactFilter ANY = new FactFilter(null, null, null);

    /** The SQL condition on {@code incident_fact}'s columns, each part starting with {@code and}; may be empty. */
    public String and(List<Object> args) {
        StringBuilder where = new StringBuilder();
        if (category != null) {
            where.append(" and category = ?");
            args.add(category.wireName());
        }
        if (priority != null) {
            where.append(" and priority = ?");
            args.add(priority.name());
        }
        if (team != null) {
            where.append(" and team = ?");
            args.add(team);
        }
        return where.toString();
    }
}
