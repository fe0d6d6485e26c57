package dev.incidentloop.incident.intake;

import dev.incidentloop.events.IntakeReport;
import dev.incidentloop.events.ReportedAlert;
import dev.incidentloop.incident.classification.ClassificationInput;
import dev.incidentloop.incident.intake.IntakeDedup.Alert;
import dev.incidentloop.incident.intake.IntakeDedup.Count;
import dev.incidentloop.incident.intake.IntakeDedup.Entry;
import dev.incidentloop.incident.lifecycle.AcknowledgeIncident;
import dev.incidentloop.incident.lifecycle.ReportIncident;
import dev.incidentloop.incident.lifecycle.ResolveIncident;
import dev.incidentloop.incident.lifecycle.TransitionNotAllowed;
import dev.incidentloop.kit.kafka.KafkaWiring;
import dev.incidentloop.kit.kafka.RejectedRecordException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Reports from other systems, a poll at a time. A trigger for an alert that already has an open incident is a
 * repeat: repeats are counted in intake's own table as they are read, a poll's in one statement, and recorded in the
 * incident's history later ({@link RepeatFolder}), so an alert storm costs a command per new incident, not per
 * repeat. How far each partition has been read is kept in the same transaction as the counts: a redelivered record
 * changes nothing.
 *
 * <p>A poll is processed in order, in stretches of triggers that end at an acknowledgement or a resolution. A
 * stretch opens incidents for alerts with none open, then counts its repeats; the acknowledgement or resolution first
 * records its incident's repeats, then acts. Commands run a hundred at a time inside one unit of work and one database
 * transaction: their events are stored in one batch, and no command waits for a commit of its own; a refused command
 * undoes only itself. If a unit fails as a whole (a report stored before, met again on redelivery), it is undone and
 * the rest of the poll is processed again a command at a time, each in its own transaction.
 */
@Component
class IntakeListener {

    private static final Logger log = LoggerFactory.getLogger(IntakeListener.class);
    static final String RESOLVED_AT_SOURCE = "resolved-at-source";
    /** The listener's id, by which tests pause it. */
    static final String ID = "intake";

    private record Item(int partition, long offset, Instant seenAt, IntakeReport report) {

        Alert alert() {
            return new Alert(report.source(), report.effectiveDedupKey());
        }

        boolean trigger() {
            return report.effectiveAction() == IntakeReport.Action.TRIGGER;
        }
    }

    /** Commands per unit of work and transaction while a poll is processed (see {@link #rotateUnitIfFull}). */
    static final int COMMANDS_PER_UNIT_OF_WORK = 100;

    private final IntakeValidator validator;
    private final CommandGateway commands;
    private final IntakeDedup dedup;
    private final RepeatFolder folder;
    private final TransactionManager transactions;
    /** The poll's current unit of work (the listener has one thread); null when commands run one at a time. */
    private UnitOfWork<?> unit;
    private int commandsInUnit;

    IntakeListener(IntakeValidator validator, CommandGateway commands, IntakeDedup dedup, RepeatFolder folder,
                   TransactionManager transactions) {
        this.validator = validator;
        this.commands = commands;
        this.dedup = dedup;
        this.folder = folder;
        this.transactions = transactions;
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = "#{T(dev.incidentloop.events.Topics).INTAKE.name()}",
            containerFactory = KafkaWiring.RAW_BATCH_LISTENER_FACTORY, properties = "max.poll.records=2000")
    void onPoll(List<ConsumerRecord<String, byte[]>> records) {
        // reading and checking a record is a good part of intake's work and needs nothing but the record: on every core
        List<Object> parsed = records.parallelStream().map(this::parse).toList();
        List<Item> items = new ArrayList<>(records.size());
        for (int i = 0; i < parsed.size(); i++) {
            if (parsed.get(i) instanceof RejectedRecordException invalid) {
                // what came before it is done; the error handler parks this record and redelivers the rest
                processInUnitsOfWork(items);
                throw new BatchListenerFailedException(invalid.getMessage(), invalid, i);
            }
            items.add((Item) parsed.get(i));
        }
        processInUnitsOfWork(items);
    }

    /** The record as an item, or why it is rejected. */
    private Object parse(ConsumerRecord<String, byte[]> record) {
        try {
            return new Item(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                    validator.parse(record.value()));
        } catch (RejectedRecordException invalid) {
            return invalid;
        }
    }

    /** Not while a round of {@link RepeatFolder} runs: each would hold incidents and rows the other waits for. */
    private void processInUnitsOfWork(List<Item> items) {
        folder.exclusively(() -> processInUnitsOfWorkNow(items));
        folder.pollProcessed();
    }

    private void processInUnitsOfWorkNow(List<Item> items) {
        List<Item> fresh = notDone(items, dedup.progress(partitions(items), false));
        if (fresh.isEmpty()) {
            return;
        }
        unit = startUnit();
        try {
            process(fresh);
            unit.commit();
        } catch (RuntimeException | Error failure) {
            if (unit.isActive()) {
                unit.rollback(failure);
            }
            unit = null;
            // the exception's message may hold a whole SQL batch: its type says enough, the rest is for debugging
            log.info("Intake poll of {} records processed again a command at a time after {}", fresh.size(),
                    failure.getClass().getSimpleName());
            log.debug("Intake poll failed as a whole", failure);
            process(notDone(fresh, dedup.progress(partitions(fresh), false)));
        } finally {
            unit = null;
        }
    }

    private UnitOfWork<?> startUnit() {
        commandsInUnit = 0;
        return UnitsOfWork.start("intake poll", transactions);
    }

    private <R> R send(Object command) {
        commandsInUnit++;
        return commands.sendAndWait(command);
    }

    /**
     * In a poll's unit of work, commits it and starts the next once it holds {@value #COMMANDS_PER_UNIT_OF_WORK}
     * commands; called only where what is done so far stands on its own. Loading an incident inside a unit of work
     * goes through the events staged in it so far, so one unit for thousands of commands would cost time in the
     * square of them.
     */
    private void rotateUnitIfFull() {
        if (commandsInUnit >= COMMANDS_PER_UNIT_OF_WORK) {
            commitUnit();
        }
    }

    private void commitUnit() {
        if (unit != null) {
            unit.commit();
            unit = startUnit();
        }
    }

    /** Runs the work in the unit of work under way, or else in a unit and transaction of its own. */
    private void atomically(Runnable work) {
        if (CurrentUnitOfWork.isStarted()) {
            work.run();
        } else {
            UnitsOfWork.run("intake record", transactions, work);
        }
    }

    private void process(List<Item> items) {
        int stretch = 0;
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).trigger()) {
                triggers(items.subList(stretch, i));
                act(items.get(i));
                stretch = i + 1;
            }
        }
        triggers(items.subList(stretch, items.size()));
    }

    /** Opens an incident for each alert without an open one, and counts every other trigger as a repeat. */
    private void triggers(List<Item> triggers) {
        if (triggers.isEmpty()) {
            return;
        }
        Map<Alert, Entry> entries = new HashMap<>(dedup.entries(triggers.stream().map(Item::alert).distinct()
                .toList()));
        List<Item> repeats = new ArrayList<>();
        for (Item item : triggers) {
            Entry entry = entries.get(item.alert());
            if (entry == null || !entry.open()) {
                entries.put(item.alert(), open(item, entry));
                rotateUnitIfFull();
            } else if (!entry.firstReportId().equals(item.report().reportId())) {
                // the record that opened the incident may come again (published twice): not a repeat
                repeats.add(item);
            }
        }
        atomically(() -> count(repeats, entries, nextOffsets(triggers)));
        // the counted rows stay locked until a commit; a command that ends one of their incidents would wait for
        // them at its commit while holding the incident, so none is sent here until they are released
        commitUnit();
    }

    /**
     * Adds the repeats to their alerts' counts and notes the triggers read, in one transaction with the partitions'
     * progress locked. A repeat whose incident has ended since its entry was read opens a new one.
     */
    private void count(List<Item> repeats, Map<Alert, Entry> entries, Map<Integer, Long> read) {
        List<Item> fresh = notDone(repeats, dedup.progress(read.keySet(), true));
        Set<Alert> counted = dedup.count(counts(fresh, entries));
        List<Item> ended = fresh.stream().filter(item -> !counted.contains(item.alert())).toList();
        if (!ended.isEmpty()) {
            Map<Alert, Entry> last = dedup.entries(ended.stream().map(Item::alert).distinct().toList());
            Map<Alert, Entry> opened = new HashMap<>();
            List<Item> again = new ArrayList<>();
            for (Item item : ended) {
                if (opened.containsKey(item.alert())) {
                    again.add(item);
                } else {
                    opened.put(item.alert(), open(item, last.get(item.alert())));
                }
            }
            dedup.count(counts(again, opened));
        }
        dedup.advance(read);
    }

    private static List<Count> counts(List<Item> repeats, Map<Alert, Entry> entries) {
        Map<Alert, Count> counts = new LinkedHashMap<>();
        for (Item item : repeats) {
            counts.merge(item.alert(), new Count(item.alert(), entries.get(item.alert()).incidentId(), 1,
                    item.seenAt(), item.partition(), item.offset()), (sum, next) -> new Count(sum.alert(),
                    sum.incidentId(), sum.repeats() + 1, next.lastSeenAt(), next.lastPartition(), next.lastOffset()));
        }
        return List.copyOf(counts.values());
    }

    /**
     * Opens an incident for the alert of this trigger. Repeats of the alert's last incident not yet recorded are
     * recorded first, as the alert's row then moves to the new incident.
     */
    private Entry open(Item item, Entry last) {
        IntakeReport report = item.report();
        if (last != null && last.unfolded() != null) {
            atomically(() -> folder.record(List.of(last.unfolded())));
        }
        UUID incident = incidentId(report);
        var classification = ClassificationInput.resolve(report.category(), report.impact(), report.urgency(),
                report.classification(), null);
        try {
            send(new ReportIncident(incident, report.title(), report.description(), classification,
                    report.reportedBy(), "intake:" + report.source(), ReportedAlert.of(report), report.team()));
        } catch (AggregateStreamCreationException alreadyOpened) {
            log.info("Report {} from {} is already incident {}", report.reportId(), report.source(), incident);
        }
        dedup.opened(report.source(), report.effectiveDedupKey(), incident, report.reportId());
        return new Entry(incident, report.reportId(), true, null);
    }

    /** Acknowledges or resolves the alert's open incident, its repeats recorded first. */
    private void act(Item item) {
        IntakeReport report = item.report();
        atomically(() -> {
            if (notDone(List.of(item), dedup.progress(List.of(item.partition()), true)).isEmpty()) {
                return;
            }
            Entry entry = dedup.entries(List.of(item.alert())).get(item.alert());
            if (entry == null || !entry.open()) {
                log.info("Dropped {} {} from {}: no open incident for dedup key '{}'",
                        report.effectiveAction().wireName(), report.reportId(), report.source(),
                        report.effectiveDedupKey());
            } else {
                if (entry.unfolded() != null) {
                    folder.record(List.of(entry.unfolded()));
                }
                actOn(entry.incidentId(), report);
            }
            dedup.advance(Map.of(item.partition(), item.offset() + 1));
        });
        // a resolution marks the alert's row ended when the unit of work commits: the triggers after it must see that
        commitUnit();
    }

    private void actOn(UUID incident, IntakeReport report) {
        try {
            if (report.effectiveAction() == IntakeReport.Action.ACKNOWLEDGE) {
                send(new AcknowledgeIncident(incident, report.reportedBy(), null));
            } else {
                send(new ResolveIncident(incident, report.reportedBy(), RESOLVED_AT_SOURCE,
                        report.description(), null, null, null));
            }
        } catch (TransitionNotAllowed notNow) {
            log.info("Dropped {} {} from {} for incident {}: {}", report.effectiveAction().wireName(),
                    report.reportId(), report.source(), incident, notNow.getMessage());
        }
    }

    private static Set<Integer> partitions(List<Item> items) {
        return items.stream().map(Item::partition).collect(Collectors.toSet());
    }

    /** The items at or after the next offset to read of their partition. */
    private static List<Item> notDone(List<Item> items, Map<Integer, Long> next) {
        return items.stream().filter(item -> item.offset() >= next.getOrDefault(item.partition(), 0L)).toList();
    }

    /** For each partition of these items, the offset after the last of them. */
    private static Map<Integer, Long> nextOffsets(List<Item> items) {
        return items.stream().collect(Collectors.toMap(Item::partition, item -> item.offset() + 1, Math::max));
    }

    /** A report always gets the same incident id: a name-based UUID of source, dedup key and report id. */
    static UUID incidentId(IntakeReport report) {
        String name = "intake:" + report.source() + ":" + report.effectiveDedupKey() + ":" + report.reportId();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
