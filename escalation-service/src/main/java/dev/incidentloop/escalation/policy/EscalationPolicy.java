package dev.incidentloop.escalation.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.incidentloop.escalation.calendar.Target;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SupportLine;
import dev.incidentloop.kit.web.FieldError;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How incidents of one category (or of every category without a policy of its own: {@code default}) are timed and
 * escalated.
 *
 * @param calendar        the calendar whose working time business-hour and working-day targets count; null for
 *                        the built-in {@code working-days}, {@code 24x7} for clock time
 * @param warningShare    share of a target after which SlaWarning is published, e.g. 0.75
 * @param targets         response and resolution target per priority; every priority needs both
 * @param functional      DOMAIN.md section 2, rule "Escalation": the functional chain, to more skilled lines, run
 *                        when a clock of the incident is missed
 * @param hierarchical    the hierarchical chain, to more authority, run when an incident is classified as major,
 *                        and for any incident when a regulatory deadline is missed
 * @param majorPriorities priorities that make an incident major (besides a major classification)
 * @param lineGroups      DOMAIN.md section 2, rule "Lines of support": the group that works each line for this
 *                        category, e.g. {@code second: network-specialists}; a functional level that pages a line
 *                        moves the incident to that line's group
 */
public record EscalationPolicy(
        String calendar,
        Double warningShare,
        Map<Priority, Targets> targets,
        List<Level> functional,
        List<Level> hierarchical,
        Set<Priority> majorPriorities,
        Map<SupportLine, String> lineGroups) {

    public static final double DEFAULT_WARNING_SHARE = 0.75;

    public record Targets(Target response, Target resolution) {
    }

    /**
     * One level of a chain.
     *
     * @param after  when the level is notified, counted from the start of the chain (e.g. {@code 0 minutes},
     *               {@code 30 minutes}, {@code 2 business-hours})
     * @param recipients who is notified
     * @param repeat how many times the level is notified again, every {@code every}, until the next level is due
     * @param line   the line of support the level pages (functional chains only): the incident moves to the policy's
     *               group for that line when the level is first notified, and {@code assignedTeam} recipients are
     *               whoever is on call for that group; none for a level that only informs
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Level(Target after, List<Recipient> recipients, Integer repeat, Target every, SupportLine line) {

        public Level {
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
            repeat = repeat == null ? 0 : repeat;
        }
    }

    /**
     * One recipient: a user by name, whoever is on call in a schedule, whoever is on call in the schedule of a role
     * (e.g. {@code duty-manager}), or whoever is on call for the team the incident is assigned to (the schedule named
     * after its assignment group). Exactly one of the four.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Recipient(String user, String schedule, String role, Boolean assignedTeam) {
    }

    public EscalationPolicy {
        targets = targets == null || targets.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(targets));
        functional = functional == null ? List.of() : List.copyOf(functional);
        hierarchical = hierarchical == null ? List.of() : List.copyOf(hierarchical);
        majorPriorities = majorPriorities == null ? Set.of(Priority.P1) : Set.copyOf(majorPriorities);
        lineGroups = lineGroups == null || lineGroups.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(lineGroups));
    }

    /** The group of the line a level pages; null when it pages none. */
    public String groupOf(Level level) {
        return level.line() == null ? null : lineGroups.get(level.line());
    }

    public double warning() {
        return warningShare == null ? DEFAULT_WARNING_SHARE : warningShare;
    }

    /** What is wrong with the policy, by field; empty when it is usable. */
    public List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>();
        if (warningShare != null && (warningShare <= 0 || warningShare >= 1)) {
            problems.add(new FieldError("warningShare", "must be between 0 and 1, exclusive"));
        }
        for (Priority priority : Priority.values()) {
            Targets t = targets.get(priority);
            if (t == null || t.response() == null || t.resolution() == null) {
                problems.add(new FieldError("targets." + priority, "must give a response and a resolution target"));
            } else if (t.response().amount().isZero() || t.resolution().amount().isZero()) {
                problems.add(new FieldError("targets." + priority, "must not be zero"));
            }
        }
        levels("functional", functional, problems);
        levels("hierarchical", hierarchical, problems);
        lineGroups.forEach((line, group) -> {
            if (group == null || group.isBlank()) {
                problems.add(new FieldError("lineGroups." + line.wireName(), "must name a group"));
            }
        });
        for (int i = 0; i < functional.size(); i++) {
            SupportLine line = functional.get(i).line();
            if (line != null && !lineGroups.containsKey(line)) {
                problems.add(new FieldError("functional[" + i + "].line", "pages the " + line.wireName()
                        + " line, which lineGroups gives no group"));
            }
        }
        for (int i = 0; i < hierarchical.size(); i++) {
            if (hierarchical.get(i).line() != null) {
                problems.add(new FieldError("hierarchical[" + i + "].line",
                        "a hierarchical level informs management and pages no line of support"));
            }
        }
        return problems;
    }

    private static void levels(String chain, List<Level> levels, List<FieldError> problems) {
        for (int i = 0; i < levels.size(); i++) {
            Level level = levels.get(i);
            String at = chain + "[" + i + "].";
            if (level.after() == null) {
                problems.add(new FieldError(at + "after", "must say when the level is notified, e.g. '0 minutes'"));
            } else if (i > 0 && levels.get(i - 1).after() != null
                    && level.after().amount().compareTo(levels.get(i - 1).after().amount()) <= 0
                    && level.after().kind() == levels.get(i - 1).after().kind()) {
                problems.add(new FieldError(at + "after", "must come after the previous level's"));
            }
            if (level.recipients().isEmpty()) {
                problems.add(new FieldError(at + "recipients", "must name at least one recipient"));
            }
            for (int r = 0; r < level.recipients().size(); r++) {
                Recipient recipient = level.recipients().get(r);
                int given = (recipient.user() == null ? 0 : 1) + (recipient.schedule() == null ? 0 : 1)
                        + (recipient.role() == null ? 0 : 1) + (Boolean.TRUE.equals(recipient.assignedTeam()) ? 1 : 0);
                if (given != 1) {
                    problems.add(new FieldError(at + "recipients[" + r + "]",
                            "must give exactly one of user, schedule, role, assignedTeam"));
                }
            }
            if (level.repeat() < 0 || level.repeat() > 100) {
                problems.add(new FieldError(at + "repeat", "must be between 0 and 100"));
            } else if (level.repeat() > 0 && (level.every() == null || level.every().amount().isZero())) {
                problems.add(new FieldError(at + "every", "must say how often the level is repeated"));
            }
        }
    }
}
