package dev.incidentloop.reporting.replay;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * What a replay reads must be the whole history: every partition of the event streams from its first record. A
 * partition whose first offset is above 0 lost records (to a retention limit or a deletion), and a read model rebuilt
 * from it would silently miss them.
 */
final class ReplaySource {

    private ReplaySource() {
    }

    /** Thrown when the history to replay is not whole; the message names every partition at fault. */
    static final class TruncatedHistory extends RuntimeException {
        TruncatedHistory(String message) {
            super(message);
        }
    }

    /** The partitions that no longer start at their first record, as {@code topic-partition starts at offset N}. */
    static List<String> truncated(Map<TopicPartition, Long> firstOffsets) {
        return firstOffsets.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.comparingByKey((a, b) -> a.toString().compareTo(b.toString())))
                .map(e -> e.getKey() + " starts at offset " + e.getValue()).toList();
    }

    /** Refuses a history that is not whole. */
    static void requireWhole(Map<TopicPartition, Long> firstOffsets) {
        List<String> truncated = truncated(firstOffsets);
        if (!truncated.isEmpty()) {
            throw new TruncatedHistory("the event history is not whole, so a replay would build a model that misses "
                    + "events: " + String.join(", ", truncated) + ". The event topics must keep every record "
                    + "(retention.ms=-1); nothing was changed.");
        }
    }
}
