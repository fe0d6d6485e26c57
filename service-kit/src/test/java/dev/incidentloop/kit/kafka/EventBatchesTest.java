package dev.incidentloop.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.IncidentResolved;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A poll applied in transactions: what a transaction applied stands only if it did not fail, as a database
 * transaction would have it.
 */
class EventBatchesTest {

    private final List<EventEnvelope> committed = new ArrayList<>();
    private final List<List<EventEnvelope>> attempts = new ArrayList<>();

    @Test
    void a_poll_that_applies_is_one_transaction() {
        List<ConsumerRecord<String, EventEnvelope>> poll = records(events(4));

        EventBatches.applyInTransactions(poll, transactions(), applyFailingOn(null));

        assertThat(attempts).hasSize(1);
        assertThat(committed).containsExactlyElementsOf(values(poll));
    }

    @Test
    void the_event_at_fault_is_marked_and_those_before_it_stand() {
        List<EventEnvelope> events = events(4);
        List<ConsumerRecord<String, EventEnvelope>> poll = records(events);

        assertThatThrownBy(() -> EventBatches.applyInTransactions(poll, transactions(),
                applyFailingOn(events.get(2))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(2))
                .hasRootCauseMessage("cannot apply " + events.get(2).id());

        assertThat(committed).containsExactly(events.get(0), events.get(1));
        // the whole poll, then one at a time up to the one at fault; the last is left for redelivery
        assertThat(attempts).extracting(List::size).containsExactly(4, 1, 1, 1);
    }

    @Test
    void a_record_that_could_not_be_decoded_is_marked_after_the_events_before_it_are_applied() {
        List<EventEnvelope> events = events(3);
        List<ConsumerRecord<String, EventEnvelope>> poll = new ArrayList<>(records(events));
        poll.add(1, new ConsumerRecord<>("incident.events.v1", 0, 1, "key", null));

        assertThatThrownBy(() -> EventBatches.applyInTransactions(poll, transactions(), applyFailingOn(null)))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(1));

        assertThat(committed).containsExactly(events.get(0));
    }

    /** Applies a list of events, failing as a whole if it holds the one given. */
    private Consumer<List<EventEnvelope>> applyFailingOn(EventEnvelope bad) {
        return events -> {
            attempts.add(events);
            if (bad != null && events.contains(bad)) {
                throw new IllegalStateException("cannot apply " + bad.id());
            }
        };
    }

    /** Keeps what a transaction applied once it returns; drops it when it throws. */
    private TransactionOperations transactions() {
        return new TransactionOperations() {
            @Override
            public <T> T execute(org.springframework.transaction.support.TransactionCallback<T> action) {
                int before = attempts.size();
                T result = action.doInTransaction(null);
                attempts.subList(before, attempts.size()).forEach(committed::addAll);
                return result;
            }
        };
    }

    private static List<EventEnvelope> events(int count) {
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var event = new IncidentResolved(UUID.randomUUID(), "zhang.min", "fixed", null, null, null,
                    Instant.now());
            events.add(new EventEnvelope(UUID.randomUUID(), "/test", event.occurredAt(), i, event));
        }
        return events;
    }

    private static List<ConsumerRecord<String, EventEnvelope>> records(List<EventEnvelope> events) {
        List<ConsumerRecord<String, EventEnvelope>> records = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            records.add(new ConsumerRecord<>("incident.events.v1", 0, i, "key", events.get(i)));
        }
        return records;
    }

    private static List<EventEnvelope> values(List<ConsumerRecord<String, EventEnvelope>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }
}
