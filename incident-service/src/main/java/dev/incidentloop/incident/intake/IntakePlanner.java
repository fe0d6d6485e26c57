package dev.incidentloop.incident.intake;

import dev.incidentloop.events.IntakeReport;
import dev.incidentloop.incident.intake.IntakeDedup.Alert;
import dev.incidentloop.incident.intake.IntakeDedup.Count;
import dev.incidentloop.incident.intake.IntakeDedup.Entry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What intake does with a poll, decided from the records and the dedup rows read for them, with no I/O: which
 * alerts open an incident, which triggers are repeats to count, what an acknowledgement or resolution acts on.
 * {@link IntakeListener} reads the rows, carries the plans out and keeps the transactions.
 */
final class IntakePlanner {

    private IntakePlanner() {
    }

    /** A run of triggers, then the acknowledgement or resolution that ends it (null at the end of the poll). */
    record Stretch(List<IntakeItem> triggers, IntakeItem action) {
    }

    /** An incident to open for a trigger; {@code previous} is the alert's ended row, or null for a new alert. */
    record Opening(IntakeItem item, Entry previous, UUID incidentId) {
    }

    /**
     * @param openings the incidents to open, in the order of the triggers
     * @param repeats  the triggers to count on the incident open for their alert
     * @param entries  every alert's row once the openings are made
     */
    record TriggerPlan(List<Opening> openings, List<IntakeItem> repeats, Map<Alert, Entry> entries) {
    }

    /** What an acknowledgement or resolution does. */
    sealed interface ActionPlan {
    }

    /** Nothing: its alert has no open incident. */
    record Drop() implements ActionPlan {
    }

    /** Acts on the incident, recording the alert's uncounted repeats there first (null if there are none). */
    record ActOn(UUID incidentId, IntakeDedup.Unfolded unfoldedFirst) implements ActionPlan {
    }

    /** The poll in order, cut at each acknowledgement or resolution: a later trigger must see what it changed. */
    static List<Stretch> stretches(List<IntakeItem> poll) {
        List<Stretch> stretches = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < poll.size(); i++) {
            if (!poll.get(i).trigger()) {
                stretches.add(new Stretch(List.copyOf(poll.subList(start, i)), poll.get(i)));
                start = i + 1;
            }
        }
        if (start < poll.size()) {
            stretches.add(new Stretch(List.copyOf(poll.subList(start, poll.size())), null));
        }
        return stretches;
    }

    /**
     * Given the rows of the triggers' alerts: an alert without an open incident opens one with its first trigger,
     * every later trigger of an alert with an open incident is a repeat of it, and the record that opened the
     * incident, met again (published twice), is neither.
     */
    static TriggerPlan triggers(List<IntakeItem> triggers, Map<Alert, Entry> rows) {
        Map<Alert, Entry> entries = new HashMap<>(rows);
        List<Opening> openings = new ArrayList<>();
        List<IntakeItem> repeats = new ArrayList<>();
        for (IntakeItem item : triggers) {
            Entry entry = entries.get(item.alert());
            if (entry == null || !entry.open()) {
                UUID incident = incidentId(item.report());
                openings.add(new Opening(item, entry, incident));
                entries.put(item.alert(), new Entry(incident, item.report().reportId(), true, null));
            } else if (!entry.firstReportId().equals(item.report().reportId())) {
                repeats.add(item);
            }
        }
        return new TriggerPlan(List.copyOf(openings), List.copyOf(repeats), Map.copyOf(entries));
    }

    /** The repeats summed per alert, on the incident of its row, with the last one's time and position. */
    static List<Count> counts(List<IntakeItem> repeats, Map<Alert, Entry> entries) {
        Map<Alert, Count> counts = new LinkedHashMap<>();
        for (IntakeItem item : repeats) {
            counts.merge(item.alert(), new Count(item.alert(), entries.get(item.alert()).incidentId(), 1,
                    item.seenAt(), item.partition(), item.offset()), (sum, next) -> new Count(sum.alert(),
                    sum.incidentId(), sum.repeats() + 1, next.lastSeenAt(), next.lastPartition(), next.lastOffset()));
        }
        return List.copyOf(counts.values());
    }

    /** An acknowledgement or resolution acts on its alert's open incident, and on nothing else. */
    static ActionPlan action(Entry entry) {
        return entry == null || !entry.open() ? new Drop() : new ActOn(entry.incidentId(), entry.unfolded());
    }

    /** A report always gets the same incident id: a name-based UUID of source, dedup key and report id. */
    static UUID incidentId(IntakeReport report) {
        String name = "intake:" + report.source() + ":" + report.effectiveDedupKey() + ":" + report.reportId();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    static Set<Integer> partitions(Collection<IntakeItem> items) {
        return items.stream().map(IntakeItem::partition).collect(Collectors.toSet());
    }

    /** The items at or after the next offset to read of their partition: the others were processed before. */
    static List<IntakeItem> notDone(List<IntakeItem> items, Map<Integer, Long> next) {
        return items.stream().filter(item -> item.offset() >= next.getOrDefault(item.partition(), 0L)).toList();
    }

    /** For each partition of these items, the offset after the last of them. */
    static Map<Integer, Long> nextOffsets(List<IntakeItem> items) {
        return items.stream().collect(Collectors.toMap(IntakeItem::partition, item -> item.offset() + 1, Math::max));
    }
}
