package dev.incidentloop.escalation.inbound;

import dev.incidentloop.escalation.chain.Chains;
import dev.incidentloop.escalation.confirmation.Confirmations;
import dev.incidentloop.escalation.incident.TrackedIncidents;
import dev.incidentloop.escalation.policy.Policies;
import dev.incidentloop.escalation.regulatory.RegulatoryDeadlines;
import dev.incidentloop.escalation.sla.SlaService;
import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.EscalationKind;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentAcknowledged;
import dev.incidentloop.events.IncidentAssigned;
import dev.incidentloop.events.IncidentCanceled;
import dev.incidentloop.events.IncidentClassified;
import dev.incidentloop.events.IncidentClosed;
import dev.incidentloop.events.IncidentPutOnHold;
import dev.incidentloop.events.IncidentReclassified;
import dev.incidentloop.events.IncidentReopened;
import dev.incidentloop.events.IncidentReported;
import dev.incidentloop.events.IncidentResolved;
import dev.incidentloop.events.IncidentResumed;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.ResolutionConfirmed;
import dev.incidentloop.events.ResolutionRejected;
import dev.incidentloop.events.SecurityKind;
import dev.incidentloop.events.SlaClock;
import dev.incidentloop.events.Topics;
import dev.incidentloop.kit.deadletter.DeadLetterHandler;
import dev.incidentloop.kit.inbox.ProcessedEvents;
import dev.incidentloop.kit.kafka.EventBatches;
import dev.incidentloop.kit.kafka.KafkaWiring;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows the incident stream: keeps what this service knows of each incident, starts the clocks at the first
 * classification and re-evaluates the reporting obligations at every one, starts the hierarchical chain when an
 * incident becomes major, pauses and resumes the clocks with holds, stops clocks and chains as the incident is
 * handled, and times the reporter's confirmation of a resolution. A poll's events are applied in one transaction (see {@link EventBatches}): the
 * processed-event guard, every change, the db-scheduler tasks (db-scheduler shares the transaction) and the published
 * events commit together. Times are the events' own, so a redelivery or a replay decides the same.
 */
@Component
class IncidentEventListener {

    /** The listener's id, by which tests pause it. */
    static final String ID = "incident-events";

    private final ProcessedEvents processed;
    private final TrackedIncidents incidents;
    private final SlaService sla;
    private final Chains chains;
    private final RegulatoryDeadlines regulatory;
    private final Policies policies;
    private final Confirmations confirmations;
    private final TransactionTemplate transactions;

    IncidentEventListener(ProcessedEvents processed, TrackedIncidents incidents, SlaService sla, Chains chains,
                          RegulatoryDeadlines regulatory, Policies policies, Confirmations confirmations,
                          TransactionTemplate transactions) {
        this.processed = processed;
        this.incidents = incidents;
        this.sla = sla;
        this.chains = chains;
        this.regulatory = regulatory;
        this.policies = policies;
        this.confirmations = confirmations;
        this.transactions = transactions;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.INCIDENT_EVENTS_NAME,
            containerFactory = KafkaWiring.EVENT_BATCH_LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, EventEnvelope>> records) {
        EventBatches.applyInTransactions(records, transactions, events -> {
            Set<UUID> first = processed.firstDeliveries(events.stream().map(EventEnvelope::id).toList());
            // an event delivered twice in one poll is applied once
            events.stream().filter(envelope -> first.remove(envelope.id())).forEach(this::apply);
        });
    }

    /** Its dead letters, processed again on an admin's word (service-kit's DeadLetters). */
    @Bean
    DeadLetterHandler incidentEventsRedrive() {
        return DeadLetterHandler.events(this::on, Topics.INCIDENT_EVENTS);
    }

    private void apply(EventEnvelope envelope) {
        switch (envelope.data()) {
            case IncidentReported e -> incidents.reported(e.incidentId(), e.category(), e.occurredAt());
            case IncidentClassified e -> classified(e.incidentId(), e.category(), e.classification(), e.priority(),
                    e.occurredAt());
            case IncidentReclassified e -> classified(e.incidentId(), e.category(), e.classification(), e.priority(),
                    e.occurredAt());
            case IncidentAssigned e -> incidents.assigned(e.incidentId(), e.assignmentGroup());
            case IncidentAcknowledged e -> {
                sla.stop(e.incidentId(), e.occurredAt(), List.of(SlaClock.RESPONSE));
                chains.stop(e.incidentId(), EnumSet.of(Chains.StopOn.ACKNOWLEDGE), e.occurredAt());
            }
            case IncidentPutOnHold e -> {
                if (SlaService.PAUSING.contains(e.reason())) {
                    sla.pause(e.incidentId(), e.occurredAt());
                }
            }
            case IncidentResumed e -> sla.resume(e.incidentId(), e.occurredAt());
            case IncidentResolved e -> {
                handled(e.incidentId(), e.occurredAt());
                incidents.find(e.incidentId()).ifPresent(incident -> confirmations.resolved(incident, e.occurredAt()));
            }
            case ResolutionConfirmed e -> confirmations.settled(e.incidentId());
            case ResolutionRejected e -> confirmations.settled(e.incidentId());
            case IncidentReopened e -> {
                incidents.reopened(e.incidentId());
                confirmations.settled(e.incidentId());
            }
            case IncidentClosed e -> {
                handled(e.incidentId(), e.occurredAt());
                confirmations.settled(e.incidentId());
            }
            case IncidentCanceled e -> {
                handled(e.incidentId(), e.occurredAt());
                confirmations.settled(e.incidentId());
            }
            default -> {
                // notes, links and repeats change no clock
            }
        }
    }

    /**
     * The first classification starts the clocks; every classification re-evaluates the reporting obligations (new
     * ones are set, those set before are kept), and one that makes the incident major starts the hierarchical chain
     * (DOMAIN.md section 2, rule "Escalation": management is told when an incident is major, not only once a clock
     * is missed). A reclassification leaves the clocks as they were started.
     */
    private void classified(UUID incidentId, Category category, Classification classification, Priority priority,
                            Instant at) {
        boolean major = MajorIncidents.isMajor(priority, classification, policies.forCategory(category));
        Integer ehsLevel = classification instanceof Classification.EhsRecordable ehs ? ehs.level() : null;
        SecurityKind securityKind = classification instanceof Classification.InformationSecurity sec
                ? sec.securityKind() : null;
        // DOMAIN.md sections 3 and 5: deadlines count from detection or occurrence, as the report gives them
        Instant detected = switch (classification) {
            case Classification.InformationSecurity sec -> sec.detectedAt();
            case Classification.EhsRecordable ehs -> ehs.happenedAt();
            default -> null;
        };
        var change = incidents.classified(incidentId, category, priority, major, ehsLevel, securityKind, detected, at);
        if (change.first()) {
            sla.start(change.incident(), at);
        }
        regulatory.classified(change.incident(), change.first(), at);
        if (major && !change.wasMajor()) {
            chains.start(incidentId, EscalationKind.HIERARCHICAL, "major", Chains.StopOn.RESOLVE, null, at);
        }
    }

    private void handled(UUID incidentId, Instant at) {
        sla.stop(incidentId, at, List.of(SlaClock.values()));
        // a chain chasing a missed reporting obligation goes on: the obligation outlives the incident
        chains.stop(incidentId, EnumSet.of(Chains.StopOn.ACKNOWLEDGE, Chains.StopOn.RESOLVE), at);
        incidents.done(incidentId, at);
    }
}
