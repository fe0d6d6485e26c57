package dev.incidentloop.notification.feed;

import dev.incidentloop.events.DomainEvent;
import dev.incidentloop.events.IncidentAssigned;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.events.IncidentReopened;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.RegulatoryDeadlineMissed;
import dev.incidentloop.events.SlaBreached;
import dev.incidentloop.events.SlaWarning;
import dev.incidentloop.notification.route.IncidentRoutes;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which feeds an event goes to. Every event with a summary goes to {@code all}. The team the incident is assigned
 * to ({@code team:<group>}) hears of its new incidents (the assignment), escalations, SLA warnings and breaches,
 * missed reporting deadlines, resolutions and reopenings. A person ({@code user:<name>}) hears of incidents assigned
 * to them, escalations that name them, and SLA warnings, breaches and reopenings of incidents assigned to them.
 */
final class Feeds {

    static final String ALL = "all";

    private Feeds() {
    }

    static String user(String name) {
        return "user:" + name;
    }

    static String team(String name) {
        return "team:" + name;
    }

    static Set<String> of(DomainEvent event, IncidentRoutes.Route route) {
        Set<String> feeds = new LinkedHashSet<>();
        feeds.add(ALL);
        String team = route == null ? null : route.team();
        String assignee = route == null ? null : route.assignee();
        switch (event) {
            case IncidentAssigned e -> {
                feeds.add(team(e.assignmentGroup()));
                if (e.assignee() != null) {
                    feeds.add(user(e.assignee()));
                }
            }
            case IncidentEscalated e -> {
                addTeam(feeds, team);
                e.recipients().forEach(r -> feeds.add(user(r)));
            }
            case SlaWarning e -> addTeamAndAssignee(feeds, team, assignee);
            case SlaBreached e -> addTeamAndAssignee(feeds, team, assignee);
            case IncidentReopened e -> addTeamAndAssignee(feeds, team, assignee);
            case IncidentResolved e -> addTeam(feeds, team);
            case RegulatoryDeadlineMissed e -> addTeam(feeds, team);
            default -> {
                // the rest is for the all-items feed only
            }
        }
        return feeds;
    }

    private static void addTeamAndAssignee(Set<String> feeds, String team, String assignee) {
        addTeam(feeds, team);
        if (assignee != null) {
            feeds.add(user(assignee));
        }
    }

    private static void addTeam(Set<String> feeds, String team) {
        if (team != null) {
            feeds.add(team(team));
        }
    }
}
