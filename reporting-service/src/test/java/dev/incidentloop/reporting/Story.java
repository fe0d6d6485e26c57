package dev.incidentloop.reporting;

import dev.incidentloop.events.CancelReason;
import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.DomainEvent;
import dev.incidentloop.events.EscalationKind;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentAssigned;
import dev.incidentloop.events.IncidentCanceled;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentClosed;
import dev.incidentloop.events.IncidentEscalated;
import dev.incidentloop.events.IncidentReopened;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.ResolutionConfirmed;
import dev.incidentloop.events.SlaBreached;
import dev.incidentloop.events.SlaClock;
import dev.incidentloop.events.SlaClockPaused;
import dev.incidentloop.events.SlaClockStopped;
import dev.incidentloop.events.SlaDeadlineSet;
import dev.incidentloop.events.SupportLine;
import dev.incidentloop.events.Topics;
import dev.incidentloop.testsupport.KafkaProbe;
import dev.incidentloop.testsupport.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One incident's history, told in minutes after its report, as the events incident-service and escalation-service
 * would publish. {@link #publishTwice()} sends every event twice, as a redelivering broker might.
 */
final class Story {

    private static final EventCodec CODEC = new EventCodec();

    final UUID id = UUID.randomUUID();
    final Instant reportedAt;
    private final List<DomainEvent> incidentEvents = new ArrayList<>();
    private final List<DomainEvent> escalationEvents = new ArrayList<>();
    private Priority priority;
    private int reassignments = -1;
    private int reopens;

    private Story(Instant reportedAt, Category category) {
        this.reportedAt = reportedAt;
        incidentEvents.add(new IncidentReported(id, "Incident at " + reportedAt, null, category, "li.wei", "http",
                reportedAt));
    }

    /** An incident that is reported and nothing else. */
    static Story reported(Instant at, Category category) {
        return new Story(at, category);
    }

    /**
     * Reported, classified with the priority, assigned to the team's line (unless the team is null: a new incident
     * is the first line's), both clocks' deadlines set.
     */
    static Story of(Instant at, Classification classification, Priority priority, String team, SupportLine line,
                    int responseTargetMinutes, int resolutionTargetMinutes) {
        Story story = new Story(at, classification.category());
        story.priority = priority;
        story.incidentEvents.add(new IncidentClassified(story.id, classification.category(), classification,
                priority, "li.wei", at));
        if (team != null) {
            story.assign(0, team, line);
        }
        story.deadline(SlaClock.RESPONSE, responseTargetMinutes);
        story.deadline(SlaClock.RESOLUTION, resolutionTargetMinutes);
        return story;
    }

    Story assign(int minute, String team, SupportLine line) {
        reassignments++;
        incidentEvents.add(new IncidentAssigned(id, team, null, line, reassignments, null, null, "dispatcher",
                at(minute)));
        return this;
    }

    Story ack(int minute) {
        incidentEvents.add(new IncidentAcknowledged(id, "zhang.min", at(minute)));
        return this;
    }

    /** Resolved by the line the incident is assigned to, which the event leaves to the assignment. */
    Story resolve(int minute) {
        incidentEvents.add(new IncidentResolved(id, "zhang.min", "fixed", "done", null, null, at(minute)));
        return this;
    }

    /** Resolved, naming the line in the event. */
    Story resolve(int minute, SupportLine by) {
        incidentEvents.add(new IncidentResolved(id, "zhang.min", "fixed", "done", by, null, at(minute)));
        return this;
    }

    Story reopen(int minute) {
        reopens++;
        incidentEvents.add(new IncidentReopened(id, "still broken", reopens, "li.wei", at(minute)));
        return this;
    }

    Story confirm(int minute, int satisfaction) {
        incidentEvents.add(new ResolutionConfirmed(id, satisfaction, null, "li.wei", null, at(minute)));
        return this;
    }

    Story close(int minute) {
        incidentEvents.add(new IncidentClosed(id, "li.wei", at(minute)));
        return this;
    }

    Story cancel(int minute) {
        incidentEvents.add(new IncidentCanceled(id, CancelReason.NOT_AN_INCIDENT, null,
                "li.wei", at(minute)));
        return this;
    }

    Story escalate(int minute) {
        escalationEvents.add(new IncidentEscalated(id, 1, EscalationKind.FUNCTIONAL, "response-sla", priority,
                Duration.ofMinutes(1), List.of("wang.fang"), 0, null, null, at(minute)));
        return this;
    }

    Story breach(SlaClock clock, int minute) {
        escalationEvents.add(new SlaBreached(id, clock, Duration.ofMinutes(1), Duration.ofMinutes(minute),
                at(minute)));
        return this;
    }

    /** escalation-service's verdict when a clock stops. */
    Story stopped(SlaClock clock, boolean met, int minute) {
        escalationEvents.add(new SlaClockStopped(id, clock, met, Duration.ofMinutes(minute), at(minute)));
        return this;
    }

    Story paused(SlaClock clock, int minute) {
        escalationEvents.add(new SlaClockPaused(id, clock, Duration.ofMinutes(minute), at(minute)));
        return this;
    }

    private void deadline(SlaClock clock, int targetMinutes) {
        Duration target = Duration.ofMinutes(targetMinutes);
        escalationEvents.add(new SlaDeadlineSet(id, clock, priority, target, reportedAt.plus(target), reportedAt));
    }

    private Instant at(int minute) {
        return reportedAt.plus(Duration.ofMinutes(minute));
    }

    /**
     * Sends the escalation events first (a deadline may well arrive before its report), then the incident's events
     * in order; each event twice.
     */
    void publishTwice() {
        send(Topics.ESCALATION_EVENTS.name(), escalationEvents, "/escalation-service");
        send(Topics.INCIDENT_EVENTS.name(), incidentEvents, "/incident-service");
    }

    private void send(String topic, List<DomainEvent> events, String source) {
        List<byte[]> records = new ArrayList<>();
        long sequence = 0;
        for (DomainEvent event : events) {
            byte[] record = CODEC.encode(new EventEnvelope(UUID.randomUUID(), source, event.occurredAt(),
                    sequence++, event));
            records.add(record);
            records.add(record);
        }
        if (!records.isEmpty()) {
            KafkaProbe.sendAll(RealInfrastructure.kafkaBootstrapServers(), topic, id.toString(), records);
        }
    }
}
