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
 * Sends the outbox to Kafka in order and deletes what the broker acknowledged. One relay at a time sends, across the
 * instances of a service: each round takes a transaction-level advisory lock, and a relay that does not get it leaves
 * the round to the one that has it. Two relays sending at once would each take a batch, and an incident's later
 * events, in the second batch, could reach the broker before its earlier ones. A crash after sending and before
 * deleting sends the same event (same id) again, which consumers skip.
 */
public class OutboxRelay {

    private static final int BATCH = 500;
    /** The key of the advisory lock the sending relay holds (the letters "outbox"); other keys are the services'. */
    private static final long SENDING = 0x6f7574626f78L;

    private final JdbcTemplate jdbc;
    private final KafkaTemplate<String, Object> kafka;

    public OutboxRelay(JdbcTemplate jdbc, KafkaTemplate<String, Object> kafka) {
        this.jdbc = jdbc;
        this.kafka = kafka;
    }

    @Scheduled(fixedDelayString = "${platform.outbox.poll-interval:200ms}")
    @Transactional
    public void relay() throws Exception {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class,
                SENDING))) {
            return;
        }
        List<Long> sent = new ArrayList<>();
        List<CompletableFuture<?>> acks = new ArrayList<>();
        jdbc.query("select id, topic, record_key, payload from outbox order by id limit ?",
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
