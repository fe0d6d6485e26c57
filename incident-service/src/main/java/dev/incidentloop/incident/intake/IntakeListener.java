package dev.incidentloop.incident.intake;

import dev.incidentloop.events.IntakeReport;
import dev.incidentloop.incident.classification.ClassificationInput;
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
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Reports from other systems, a poll at a time. A trigger for an alert that already has an open incident is a
 * repeat: repeats are collapsed per alert and partition into one command per poll, so an alert storm of thousands
 * of records becomes a handful of events rather than one aggregate load per record. Offsets make the count exact:
 * the incident remembers the last offset it counted, so a redelivered poll counts nothing twice.
 */
@Component
class IntakeListener {

    private static final Logger log = LoggerFactory.getLogger(IntakeListener.class);
    static final String RESOLVED_AT_SOURCE = "resolved-at-source";

    private record Alert(String source, String dedupKey) {
    }

    private record Item(int partition, long offset, Instant seenAt, IntakeReport report) {
    }

    private final IntakeValidator validator;
    private final CommandGateway commands;
    private final IntakeDedup dedup;

    IntakeListener(IntakeValidator validator, CommandGateway commands, IntakeDedup dedup) {
        this.validator = validator;
        this.commands = commands;
        this.dedup = dedup;
    }

    /** Larger polls collapse more repeats into one command. */
    @KafkaListener(topics = "#{T(dev.incidentloop.events.Topics).INTAKE.name()}",
            containerFactory = KafkaWiring.RAW_BATCH_LISTENER_FACTORY, properties = "max.poll.records=2000")
    void onPoll(List<ConsumerRecord<String, byte[]>> records) {
        Map<Alert, List<Item>> triggers = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            IntakeReport report;
            try {
                report = validator.parse(record.value());
            } catch (RejectedRecordException invalid) {
                // what came before it is done; the error handler parks this record and redelivers the rest
                triggers.forEach(this::trigger);
                throw new BatchListenerFailedException(invalid.getMessage(), invalid, i);
            }
            Alert alert = new Alert(report.source(), report.effectiveDedupKey());
            Item item = new Item(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()), report);
            switch (report.effectiveAction()) {
                case TRIGGER -> triggers.computeIfAbsent(alert, a -> new ArrayList<>()).add(item);
                case ACKNOWLEDGE, RESOLVE -> {
                    List<Item> earlier = triggers.remove(alert);
                    if (earlier != null) {
                        trigger(alert, earlier);
                    }
                    act(alert, report);
                }
            }
        }
        triggers.forEach(this::trigger);
    }

    /** Opens an incident for the alert if it has no open one, and counts every other trigger as a repeat. */
    private void trigger(Alert alert, List<Item> items) {
        Optional<IntakeDedup.Entry> entry = dedup.open(alert.source(), alert.dedupKey());
        UUID incident = entry.map(IntakeDedup.Entry::incidentId).orElse(null);
        String firstReportId = entry.map(IntakeDedup.Entry::firstReportId).orElse(null);
        List<Item> pending = items;
        while (!pending.isEmpty()) {
            if (incident == null) {
                Item first = pending.get(0);
                incident = open(alert, first.report());
                firstReportId = first.report().reportId();
            }
            String creator = firstReportId;
            // the record that opened the incident may come again (redelivery, or published twice): not a repeat
            pending = pending.stream().filter(item -> !item.report().reportId().equals(creator)).toList();
            if (pending.isEmpty()) {
                return;
            }
            try {
                repeat(incident, pending);
                return;
            } catch (TransitionNotAllowed notOpen) {
                // resolved, closed or canceled since: the next trigger opens a new incident
                dedup.closed(alert.source(), alert.dedupKey(), incident);
                incident = null;
            }
        }
    }

    private UUID open(Alert alert, IntakeReport report) {
        UUID incident = incidentId(report);
        var classification = ClassificationInput.resolve(report.category(), report.impact(), report.urgency(),
                report.classification());
        try {
            commands.sendAndWait(new ReportIncident(incident, report.title(), report.description(), classification,
                    report.reportedBy(), "intake:" + report.source()));
        } catch (AggregateStreamCreationException alreadyOpened) {
            log.info("Report {} from {} is already incident {}", report.reportId(), report.source(), incident);
        }
        dedup.opened(alert.source(), alert.dedupKey(), incident, report.reportId());
        return incident;
    }

    private void repeat(UUID incident, List<Item> repeats) {
        Map<Integer, List<Item>> byPartition = repeats.stream()
                .collect(Collectors.groupingBy(Item::partition, LinkedHashMap::new, Collectors.toList()));
        byPartition.forEach((partition, items) -> commands.sendAndWait(new RecordAlertRepeats(incident, partition,
                items.stream().map(Item::offset).toList(), items.get(items.size() - 1).seenAt())));
    }

    private void act(Alert alert, IntakeReport report) {
        Optional<IntakeDedup.Entry> entry = dedup.open(alert.source(), alert.dedupKey());
        if (entry.isEmpty()) {
            log.info("Dropped {} {} from {}: no open incident for dedup key '{}'", report.effectiveAction().wireName(),
                    report.reportId(), report.source(), alert.dedupKey());
            return;
        }
        UUID incident = entry.get().incidentId();
        try {
            if (report.effectiveAction() == IntakeReport.Action.ACKNOWLEDGE) {
                commands.sendAndWait(new AcknowledgeIncident(incident, report.reportedBy(), null));
            } else {
                commands.sendAndWait(new ResolveIncident(incident, report.reportedBy(), RESOLVED_AT_SOURCE,
                        report.description(), null, null, null));
                dedup.closed(alert.source(), alert.dedupKey(), incident);
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
