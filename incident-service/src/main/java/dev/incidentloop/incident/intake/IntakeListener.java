package dev.incidentloop.incident.intake;

import dev.incidentloop.events.IntakeReport;
import dev.incidentloop.incident.classification.ClassificationInput;
import dev.incidentloop.incident.intake.IntakeDedup.Alert;
import dev.incidentloop.incident.lifecycle.AcknowledgeIncident;
import dev.incidentloop.incident.lifecycle.RecordAlertRepeats;
import dev.incidentloop.incident.lifecycle.ReportIncident;
import dev.incidentloop.incident.lifecycle.ResolveIncident;
import dev.incidentloop.incident.lifecycle.TransitionNotAllowed;
import dev.incidentloop.kit.kafka.KafkaWiring;
import dev.incidentloop.kit.kafka.RejectedRecordException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Reports from other systems, a poll at a time. A trigger for an alert that already has an open incident is a
 * repeat: repeats are collapsed per alert and partition into one command per poll. Offsets make the count exact:
 * the incident remembers the last offset it counted, so a redelivered poll counts nothing twice.
 *
 * <p>A poll's commands run a hundred at a time inside one unit of work and one database transaction: their events
 * are stored in one batch, and no command waits for a commit of its own; a refused command undoes only itself. If a
 * unit fails as a whole (a report stored before, met again on redelivery), it is undone and the poll is processed
 * again a command at a time, each in its own transaction. That repeats the commands of units already committed,
 * which changes nothing: reports are known by id, repeats by offset.
 */
@Component
class IntakeListener {

    private static final Logger log = LoggerFactory.getLogger(IntakeListener.class);
    static final String RESOLVED_AT_SOURCE = "resolved-at-source";
    /** The listener's id, by which tests pause it. */
    static final String ID = "intake";

    private record Item(int partition, long offset, Instant seenAt, IntakeReport report) {
    }

    /** Commands per unit of work and transaction while a poll is processed (see {@link #send}). */
    static final int COMMANDS_PER_UNIT_OF_WORK = 100;

    private final IntakeValidator validator;
    private final CommandGateway commands;
    private final IntakeDedup dedup;
    private final TransactionManager transactions;
    /** The poll's current unit of work (the listener has one thread); null when commands run one at a time. */
    private UnitOfWork<?> unit;
    private int commandsInUnit;

    IntakeListener(IntakeValidator validator, CommandGateway commands, IntakeDedup dedup,
                   TransactionManager transactions) {
        this.validator = validator;
        this.commands = commands;
        this.dedup = dedup;
        this.transactions = transactions;
    }

    /** Larger polls collapse more repeats into one command and one transaction. */
    @KafkaListener(id = ID, idIsGroup = false, topics = "#{T(dev.incidentloop.events.Topics).INTAKE.name()}",
            containerFactory = KafkaWiring.RAW_BATCH_LISTENER_FACTORY, properties = "max.poll.records=2000")
    void onPoll(List<ConsumerRecord<String, byte[]>> records) {
        List<Item> items = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            try {
                items.add(new Item(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                        validator.parse(record.value())));
            } catch (RejectedRecordException invalid) {
                // what came before it is done; the error handler parks this record and redelivers the rest
                processInUnitsOfWork(items);
                throw new BatchListenerFailedException(invalid.getMessage(), invalid, i);
            }
        }
        processInUnitsOfWork(items);
    }

    private void processInUnitsOfWork(List<Item> items) {
        if (items.isEmpty()) {
            return;
        }
        unit = startUnit();
        try {
            process(items);
            unit.commit();
        } catch (RuntimeException | Error failure) {
            if (unit.isActive()) {
                unit.rollback(failure);
            }
            unit = null;
            // the exception's message may hold a whole SQL batch: its type says enough, the rest is for debugging
            log.info("Intake poll of {} records processed again a command at a time after {}", items.size(),
                    failure.getClass().getSimpleName());
            log.debug("Intake poll failed as a whole", failure);
            process(items);
        } finally {
            unit = null;
        }
    }

    private UnitOfWork<?> startUnit() {
        UnitOfWork<?> started = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("intake poll"));
        started.attachTransaction(transactions);
        commandsInUnit = 0;
        return started;
    }

    /**
     * Sends a command; in a poll's unit of work, commits that unit and starts the next after every
     * {@value #COMMANDS_PER_UNIT_OF_WORK} commands. Loading an incident inside a unit of work goes through the
     * events staged in it so far, so one unit for thousands of commands would cost time in the square of them.
     */
    private <R> R send(Object command) {
        R result = commands.sendAndWait(command);
        if (unit != null && ++commandsInUnit >= COMMANDS_PER_UNIT_OF_WORK) {
            unit.commit();
            unit = startUnit();
        }
        return result;
    }

    private void process(List<Item> items) {
        Map<Alert, IntakeDedup.Entry> open = dedup.open(items.stream()
                .map(item -> new Alert(item.report().source(), item.report().effectiveDedupKey())).distinct()
                .toList());
        Map<Alert, List<Item>> triggers = new LinkedHashMap<>();
        for (Item item : items) {
            IntakeReport report = item.report();
            Alert alert = new Alert(report.source(), report.effectiveDedupKey());
            switch (report.effectiveAction()) {
                case TRIGGER -> triggers.computeIfAbsent(alert, a -> new ArrayList<>()).add(item);
                case ACKNOWLEDGE, RESOLVE -> {
                    List<Item> earlier = triggers.remove(alert);
                    if (earlier != null) {
                        trigger(alert, earlier, open);
                    }
                    act(alert, report, open);
                }
            }
        }
        triggers.forEach((alert, pending) -> trigger(alert, pending, open));
    }

    /** Opens an incident for the alert if it has no open one, and counts every other trigger as a repeat. */
    private void trigger(Alert alert, List<Item> items, Map<Alert, IntakeDedup.Entry> open) {
        List<Item> pending = items;
        while (!pending.isEmpty()) {
            IntakeDedup.Entry entry = open.get(alert);
            if (entry == null) {
                entry = open(alert, pending.get(0).report());
                open.put(alert, entry);
            }
            String creator = entry.firstReportId();
            // the record that opened the incident may come again (redelivery, or published twice): not a repeat
            pending = pending.stream().filter(item -> !item.report().reportId().equals(creator)).toList();
            if (pending.isEmpty() || repeat(entry.incidentId(), pending)) {
                return;
            }
            // resolved, closed or canceled since: the next trigger opens a new incident
            dedup.closed(alert.source(), alert.dedupKey(), entry.incidentId());
            open.remove(alert);
        }
    }

    private IntakeDedup.Entry open(Alert alert, IntakeReport report) {
        UUID incident = incidentId(report);
        var classification = ClassificationInput.resolve(report.category(), report.impact(), report.urgency(),
                report.classification());
        try {
            send(new ReportIncident(incident, report.title(), report.description(), classification,
                    report.reportedBy(), "intake:" + report.source()));
        } catch (AggregateStreamCreationException alreadyOpened) {
            log.info("Report {} from {} is already incident {}", report.reportId(), report.source(), incident);
        }
        dedup.opened(alert.source(), alert.dedupKey(), incident, report.reportId());
        return new IntakeDedup.Entry(incident, report.reportId());
    }

    /** Counts the repeats; false if the incident is no longer open and so counted none of them. */
    private boolean repeat(UUID incident, List<Item> repeats) {
        Map<Integer, List<Item>> byPartition = repeats.stream()
                .collect(Collectors.groupingBy(Item::partition, LinkedHashMap::new, Collectors.toList()));
        for (var entry : byPartition.entrySet()) {
            List<Item> items = entry.getValue();
            Boolean counted = send(new RecordAlertRepeats(incident, entry.getKey(),
                    items.stream().map(Item::offset).toList(), items.get(items.size() - 1).seenAt()));
            if (!Boolean.TRUE.equals(counted)) {
                return false;
            }
        }
        return true;
    }

    private void act(Alert alert, IntakeReport report, Map<Alert, IntakeDedup.Entry> open) {
        IntakeDedup.Entry entry = open.get(alert);
        if (entry == null) {
            log.info("Dropped {} {} from {}: no open incident for dedup key '{}'", report.effectiveAction().wireName(),
                    report.reportId(), report.source(), alert.dedupKey());
            return;
        }
        UUID incident = entry.incidentId();
        try {
            if (report.effectiveAction() == IntakeReport.Action.ACKNOWLEDGE) {
                send(new AcknowledgeIncident(incident, report.reportedBy(), null));
            } else {
                send(new ResolveIncident(incident, report.reportedBy(), RESOLVED_AT_SOURCE,
                        report.description(), null, null, null));
                dedup.closed(alert.source(), alert.dedupKey(), incident);
                open.remove(alert);
            }
        } catch (TransitionNotAllowed notNow) {
            log.info("Dropped {} {} from {} for incident {}: {}", report.effectiveAction().wireName(),
                    report.reportId(), report.source(), incident, notNow.getMessage());
        }
    }

    /** A report always gets the same incident id: a name-based UUID of source, dedup key and report id. */
    static UUID incidentId(IntakeReport report) {
        String name = "intake:" + report.source() + ":" + report.effectiveDedupKey() + ":" + report.reportId();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
