package dev.incidentloop.incident.intake;

import static dev.incidentloop.incident.intake.IntakePlanner.nextOffsets;
import static dev.incidentloop.incident.intake.IntakePlanner.notDone;
import static dev.incidentloop.incident.intake.IntakePlanner.partitions;

import dev.incidentloop.events.IntakeReport;
import dev.incidentloop.events.ReportedAlert;
import dev.incidentloop.events.Topics;
import dev.incidentloop.incident.classification.ClassificationInput;
import dev.incidentloop.incident.intake.IntakeDedup.Alert;
import dev.incidentloop.incident.intake.IntakeDedup.Entry;
import dev.incidentloop.incident.lifecycle.AcknowledgeIncident;
import dev.incidentloop.incident.lifecycle.ReportIncident;
import dev.incidentloop.incident.lifecycle.ResolveIncident;
import dev.incidentloop.incident.lifecycle.TransitionNotAllowed;
import dev.incidentloop.kit.kafka.KafkaWiring;
import dev.incidentloop.kit.kafka.RejectedRecordException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Reports from other systems, a poll at a time: the adapter between the intake topic, the dedup table and the
 * incident commands. What to do with a poll is decided by {@link IntakePlanner}; the commands run in the poll's
 * {@link PollUnits}. A trigger for an alert that already has an open incident is a repeat: repeats are counted in
 * intake's own table as they are read, a poll's in one statement, and recorded in the incident's history later
 * ({@link RepeatFolder}), so an alert storm costs a command per new incident, not per repeat. How far each partition
 * has been read is kept in the same transaction as the counts: a redelivered record changes nothing.
 *
 * <p>A poll is processed in order, in stretches of triggers that end at an acknowledgement or a resolution. A
 * stretch opens incidents for alerts with none open, then counts its repeats; the acknowledgement or resolution first
 * records its incident's repeats, then acts. Commands run in batches; a refused command undoes only itself. If a
 * batch fails as a whole (a report stored before, met again on redelivery), it is undone and the rest of the poll is
 * processed again a command at a time, each in its own transaction.
 */
@Component
class IntakeListener {

    private static final Logger log = LoggerFactory.getLogger(IntakeListener.class);
    static final String RESOLVED_AT_SOURCE = "resolved-at-source";
    /** The listener's id, by which tests pause it. */
    static final String ID = "intake";

    private final IntakeValidator validator;
    private final CommandGateway commands;
    private final IntakeDedup dedup;
    private final RepeatFolder folder;
    private final TransactionManager transactions;

    IntakeListener(IntakeValidator validator, CommandGateway commands, IntakeDedup dedup, RepeatFolder folder,
                   TransactionManager transactions) {
        this.validator = validator;
        this.commands = commands;
        this.dedup = dedup;
        this.folder = folder;
        this.transactions = transactions;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.INTAKE_NAME,
            containerFactory = KafkaWiring.RAW_BATCH_LISTENER_FACTORY, properties = "max.poll.records=2000")
    void onPoll(List<ConsumerRecord<String, byte[]>> records) {
        // reading and checking a record is a good part of intake's work and needs nothing but the record: on every core
        List<Object> parsed = records.parallelStream().map(this::parse).toList();
        List<IntakeItem> items = new ArrayList<>(records.size());
        for (int i = 0; i < parsed.size(); i++) {
            if (parsed.get(i) instanceof RejectedRecordException invalid) {
                // what came before it is done; the error handler parks this record and redelivers the rest
                processInUnitsOfWork(items);
                throw new BatchListenerFailedException(invalid.getMessage(), invalid, i);
            }
            items.add((IntakeItem) parsed.get(i));
        }
        processInUnitsOfWork(items);
    }

    /** The record as an item, or why it is rejected. */
    private Object parse(ConsumerRecord<String, byte[]> record) {
        try {
            return new IntakeItem(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                    validator.parse(record.value()));
        } catch (RejectedRecordException invalid) {
            return invalid;
        }
    }

    /** Not while a round of {@link RepeatFolder} runs: each would hold incidents and rows the other waits for. */
    private void processInUnitsOfWork(List<IntakeItem> items) {
        folder.exclusively(() -> processInUnitsOfWorkNow(items));
        folder.pollProcessed();
    }

    private void processInUnitsOfWorkNow(List<IntakeItem> items) {
        List<IntakeItem> fresh = notDone(items, dedup.progress(partitions(items), false));
        if (fresh.isEmpty()) {
            return;
        }
        PollUnits units = PollUnits.batched(commands, transactions);
        try {
            process(fresh, units);
            units.finish();
        } catch (RuntimeException | Error failure) {
            units.abandon(failure);
            // the exception's message may hold a whole SQL batch: its type says enough, the rest is for debugging
            log.info("Intake poll of {} records processed again a command at a time after {}", fresh.size(),
                    failure.getClass().getSimpleName());
            log.debug("Intake poll failed as a whole", failure);
            process(notDone(fresh, dedup.progress(partitions(fresh), false)),
                    PollUnits.oneByOne(commands, transactions));
        }
    }

    private void process(List<IntakeItem> items, PollUnits units) {
        for (IntakePlanner.Stretch stretch : IntakePlanner.stretches(items)) {
            triggers(stretch.triggers(), units);
            if (stretch.action() != null) {
                act(stretch.action(), units);
            }
        }
    }

    /** Opens an incident for each alert without an open one, and counts every other trigger as a repeat. */
    private void triggers(List<IntakeItem> triggers, PollUnits units) {
        if (triggers.isEmpty()) {
            return;
        }
        var plan = IntakePlanner.triggers(triggers, dedup.entries(triggers.stream().map(IntakeItem::alert)
                .distinct().toList()));
        for (IntakePlanner.Opening opening : plan.openings()) {
            open(opening, units);
            units.rotateIfFull();
        }
        units.atomically(() -> count(plan.repeats(), plan.entries(), nextOffsets(triggers), units));
        // the counted rows stay locked until a commit; a command that ends one of their incidents would wait for
        // them at its commit while holding the incident, so none is sent here until they are released
        units.commitAndContinue();
    }

    /**
     * Adds the repeats to their alerts' counts and notes the triggers read, in one transaction with the partitions'
     * progress locked. A repeat whose incident has ended since its entry was read opens a new one.
     */
    private void count(List<IntakeItem> repeats, Map<Alert, Entry> entries, Map<Integer, Long> read,
                       PollUnits units) {
        List<IntakeItem> fresh = notDone(repeats, dedup.progress(read.keySet(), true));
        Set<Alert> counted = dedup.count(IntakePlanner.counts(fresh, entries));
        List<IntakeItem> ended = fresh.stream().filter(item -> !counted.contains(item.alert())).toList();
        if (!ended.isEmpty()) {
            var plan = IntakePlanner.triggers(ended, dedup.entries(ended.stream().map(IntakeItem::alert)
                    .distinct().toList()));
            plan.openings().forEach(opening -> open(opening, units));
            dedup.count(IntakePlanner.counts(plan.repeats(), plan.entries()));
        }
        dedup.advance(read);
    }

    /**
     * Opens the incident. Repeats of the alert's last incident not yet recorded are recorded first, as the alert's
     * row then moves to the new incident.
     */
    private void open(IntakePlanner.Opening opening, PollUnits units) {
        IntakeReport report = opening.item().report();
        Entry previous = opening.previous();
        if (previous != null && previous.unfolded() != null) {
            units.atomically(() -> folder.record(List.of(previous.unfolded())));
        }
        var classification = ClassificationInput.resolve(report.category(), report.impact(), report.urgency(),
                report.classification(), null);
        try {
            units.send(new ReportIncident(opening.incidentId(), report.title(), report.description(), classification,
                    report.reportedBy(), "intake:" + report.source(), ReportedAlert.of(report), report.team()));
        } catch (AggregateStreamCreationException alreadyOpened) {
            log.info("Report {} from {} is already incident {}", report.reportId(), report.source(),
                    opening.incidentId());
        }
        dedup.opened(report.source(), report.effectiveDedupKey(), opening.incidentId(), report.reportId());
    }

    /** Acknowledges or resolves the alert's open incident, its repeats recorded first. */
    private void act(IntakeItem item, PollUnits units) {
        IntakeReport report = item.report();
        units.atomically(() -> {
            if (notDone(List.of(item), dedup.progress(List.of(item.partition()), true)).isEmpty()) {
                return;
            }
            switch (IntakePlanner.action(dedup.entries(List.of(item.alert())).get(item.alert()))) {
                case IntakePlanner.Drop drop -> log.info("Dropped {} {} from {}: no open incident for dedup key '{}'",
                        report.effectiveAction().wireName(), report.reportId(), report.source(),
                        report.effectiveDedupKey());
                case IntakePlanner.ActOn act -> {
                    if (act.unfoldedFirst() != null) {
                        folder.record(List.of(act.unfoldedFirst()));
                    }
                    actOn(act.incidentId(), report, units);
                }
            }
            dedup.advance(Map.of(item.partition(), item.offset() + 1));
        });
        // a resolution marks the alert's row ended when the batch commits: the triggers after it must see that
        units.commitAndContinue();
    }

    private void actOn(UUID incident, IntakeReport report, PollUnits units) {
        try {
            if (report.effectiveAction() == IntakeReport.Action.ACKNOWLEDGE) {
                units.send(new AcknowledgeIncident(incident, report.reportedBy(), null));
            } else {
                units.send(new ResolveIncident(incident, report.reportedBy(), RESOLVED_AT_SOURCE,
                        report.description(), null, null, null));
            }
        } catch (TransitionNotAllowed notNow) {
            log.info("Dropped {} {} from {} for incident {}: {}", report.effectiveAction().wireName(),
                    report.reportId(), report.source(), incident, notNow.getMessage());
        }
    }
}
