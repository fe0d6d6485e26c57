package dev.incidentloop.reporting.facts;

import dev.incidentloop.events.Classification;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentAssigned;
import dev.incidentloop.events.IncidentCanceled;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentClosed;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.events.IncidentReclassified;
import dev.incidentloop.events.IncidentReopened;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.RegulatoryDeadlineMissed;
import dev.incidentloop.events.ResolutionConfirmed;
import dev.incidentloop.events.SlaBreached;
import dev.incidentloop.events.SlaClock;
import dev.incidentloop.events.SlaClockPaused;
import dev.incidentloop.events.SlaClockStopped;
import dev.incidentloop.events.SlaDeadlineSet;
import dev.incidentloop.events.SupportLine;
import java.time.Instant;
import java.util.UUID;

/**
 * What the events say of one incident's figures: the rules of {@code incident_fact}, applied in memory and written
 * back once per batch ({@link FactRows} maps it to the row). The rules tolerate any order between the two topics: a
 * deadline may come before the report it belongs to, so nothing here assumes an earlier event has been seen.
 */
final class Fact {

    /** What one of the two SLA clocks is known to have done. */
    static final class Clock {
        Long targetSeconds;
        Instant dueAt;
        Instant deadlineSetAt;
        boolean breached;
        boolean paused;
        Boolean met;

        /** The deadline decided last holds, whichever order the deadlines arrive in. */
        void deadline(SlaDeadlineSet e) {
            if (deadlineSetAt == null || !e.occurredAt().isBefore(deadlineSetAt)) {
                targetSeconds = e.target().toSeconds();
                dueAt = e.dueAt();
                paused = false;
                deadlineSetAt = e.occurredAt();
            }
        }
    }

    final UUID incidentId;
    String category;
    String priority;
    String grade;
    Instant reportedAt;
    Instant firstAcknowledgedAt;
    Instant firstResolvedAt;
    Instant lastResolvedAt;
    Instant lastReopenedAt;
    Instant closedAt;
    Instant canceledAt;
    String team;
    String supportLine;
    String resolvedLine;
    int escalationCount;
    int reopenCount;
    int reassignmentCount;
    Integer satisfaction;
    int regulatoryMissed;
    final Clock response = new Clock();
    final Clock resolution = new Clock();

    Fact(UUID incidentId) {
        this.incidentId = incidentId;
    }

    /** Whether an event changes any figure; that does not depend on what is known of the incident. */
    static boolean changesFigures(Object event) {
        return new Fact(null).apply(event);
    }

    /** Applies one event; returns whether it changed a figure (work notes, links, holds and repeats do not). */
    boolean apply(Object event) {
        switch (event) {
            case IncidentReported e -> {
                category = e.category().wireName();
                reportedAt = e.occurredAt();
                if (supportLine == null) {
                    supportLine = SupportLine.FIRST.wireName(); // the service desk owns a new incident
                }
            }
            case IncidentClassified e -> classify(e.category().wireName(), e.priority().name(), e.classification());
            case IncidentReclassified e -> classify(e.category().wireName(), e.priority().name(), e.classification());
            case IncidentAssigned e -> {
                team = e.assignmentGroup();
                supportLine = e.supportLine().wireName();
                reassignmentCount = e.reassignments();
            }
            case IncidentAcknowledged e -> firstAcknowledgedAt = first(firstAcknowledgedAt, e.occurredAt());
            case IncidentResolved e -> {
                firstResolvedAt = first(firstResolvedAt, e.occurredAt());
                lastResolvedAt = e.occurredAt();
                // the line that resolved it: as the event says, else the line that held it
                resolvedLine = e.supportLine() != null ? e.supportLine().wireName() : supportLine;
            }
            case IncidentReopened e -> {
                lastReopenedAt = e.occurredAt();
                reopenCount = e.reopenCount();
            }
            case ResolutionConfirmed e -> satisfaction = e.satisfaction();
            case IncidentClosed e -> closedAt = e.occurredAt();
            case IncidentCanceled e -> canceledAt = e.occurredAt();
            case IncidentEscalated e -> {
                if (e.repeat() > 0) {
                    return false; // a reminder of a level already counted
                }
                escalationCount++;
            }
            case SlaDeadlineSet e -> clock(e.clock()).deadline(e);
            case SlaBreached e -> clock(e.clock()).breached = true;
            case SlaClockPaused e -> clock(e.clock()).paused = true;
            case SlaClockStopped e -> {
                clock(e.clock()).met = e.met();
                clock(e.clock()).paused = false;
            }
            case RegulatoryDeadlineMissed e -> regulatoryMissed++;
            default -> {
                return false;
            }
        }
        return true;
    }

    private void classify(String category, String priority, Classification classification) {
        this.category = category;
        this.priority = priority;
        this.grade = grade(classification);
    }

    private Clock clock(SlaClock clock) {
        return clock == SlaClock.RESPONSE ? response : resolution;
    }

    private static Instant first(Instant known, Instant now) {
        return known != null ? known : now;
    }

    /** The grade or level a category's rules give, as DOMAIN.md names it; null where the category has none. */
    static String grade(Classification classification) {
        return switch (classification) {
            case Classification.HseAccident c -> c.grade().wireName();
            case Classification.EhsRecordable c -> "level-" + c.level();
            case Classification.InformationSecurity c -> c.major() ? "major" : "severity-" + c.severity();
            case Classification.ItService c -> null;
            case Classification.Emergency c -> c.emergencyKind().wireName();
        };
    }
}
