package dev.incidentloop.kit.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends the outbox to Kafka in order and deletes what the broker acknowledged. Rows are locked with SKIP LOCKED, so
 * several instances share the work without sending a row twice at once; a crash after sending and before deleting
 * sends the same event (same id) again, which consumers skip.
 */
public class OutboxRelay {

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final KafkaTemplate<String, Object> kafka;

    public OutboxRelay(JdbcTemplate jdbc, KafkaTemplate<String, Object> kafka) {
        this.jdbc = jdbc;
        this.kafka = kafka;
    }

    @Scheduled(fixedDelayString = "${platform.outbox.poll-interval:200ms}")
    @Transactional
    public void relay() throws Exception {
        List<Long> sent = new ArrayList<>();
        List<CompletableFuture<?>> acks = new ArrayList<>();
        jdbc.query("select id, topic, record_key, payload from outbox order by id limit ? for update skip locked",
                rs -> {
                    acks.add(kafka.send(rs.getString("topic"), rs.getString("record_key"), rs.getBytes("payload")));
                    sent.add(rs.getLong("id"));
                }, BATCH);
        if (sent.isEmpty()) {
            return;
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        jdbc.update("delete from outbox where id = any (?)", (Object) sent.toArray(Long[]::new));
    }
}
