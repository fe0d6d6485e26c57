package dev.incidentloop.notification.webhook;

import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.NotificationDelivered;
import dev.incidentloop.events.NotificationFailed;
import dev.incidentloop.kit.outbox.Outbox;
import dev.incidentloop.notification.route.IncidentRoutes;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhook deliveries: queued with the event that causes them, claimed by the dispatcher, finished with the
 * outcome published as NotificationDelivered or NotificationFailed (through the outbox, in the same transaction).
 */
@Repository
public class Deliveries {

    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";
    static final String DEAD = "dead";
    static final String CHANNEL = "webhook";

    private final JdbcTemplate jdbc;
    private final Webhooks webhooks;
    private final Outbox outbox;
    private final EventCodec codec = new EventCodec();

    private final MeterRegistry meters;

    Deliveries(JdbcTemplate jdbc, Webhooks webhooks, Outbox outbox, MeterRegistry meters) {
        this.meters = meters;
        this.jdbc = jdbc;
        this.webhooks = webhooks;
        this.outbox = outbox;
    }

    /** What became of an admin's word to try a delivery again. */
    enum Retry { QUEUED, UNKNOWN, NOT_ENDED }

    /**
     * Puts a delivery that ended failed or dead back in its subscription's queue, due now, for one more attempt with
     * the same delivery id (receivers that deduplicate by it see it once). Its attempts go on counting: should this
     * one fail too, it ends as it did before, and can be tried again the same way.
     */
    Retry retry(UUID deliveryId) {
        int queued = jdbc.update("""
                update webhook_delivery set status = 'pending', next_attempt_at = now(), claimed_until = null,
                    finished_at = null
                where id = ? and status in ('failed', 'dead')""", deliveryId);
        if (queued == 1) {
            return Retry.QUEUED;
        }
        return jdbc.queryForList("select status from webhook_delivery where id = ?", String.class, deliveryId)
                .isEmpty() ? Retry.UNKNOWN : Retry.NOT_ENDED;
    }

    /** Whether any subscription may want events of this type (its other filters aside). */
    public boolean anyWants(String eventType) {
        return webhooks.all().stream().anyMatch(w -> w.eventTypes().isEmpty() || w.eventTypes().contains(eventType));
    }

    /** Queues the event for every subscription that wants it; once per subscription and event. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(EventEnvelope envelope, IncidentRoutes.Route route) {
        String type = envelope.type().typeName();
        for (Webhook w : webhooks.all()) {
            if (!w.wants(type, route == null ? null : route.category(), route == null ? null : route.priority(),
                    route == null ? null : route.team())) {
                continue;
            }
            UUID id = UUID.nameUUIDFromBytes((w.id() + ":" + envelope.id()).getBytes(StandardCharsets.UTF_8));
            jdbc.update("""
                    insert into webhook_delivery (id, webhook_id, event_id, incident_id, event_type, payload, status,
                                                  next_attempt_at)
                    values (?, ?, ?, ?, ?, ?, 'pending', now()) on conflict (webhook_id, event_id) do nothing""",
                    id, w.id(), envelope.id(), envelope.incidentId(), type, codec.encode(envelope));
        }
    }

    /** A claimed delivery, with what sending it needs. */
    record Claimed(UUID id, UUID webhookId, UUID eventId, UUID incidentId, String eventType, byte[] payload,
                   int attempts) {
    }

    /** Subscriptions with deliveries due and not claimed. */
    List<UUID> dueWebhooks() {
        return jdbc.queryForList("""
                select distinct webhook_id from webhook_delivery
                where status = 'pending' and next_attempt_at <= now()
                  and (claimed_until is null or claimed_until < now())""", UUID.class);
    }

    /** Claims up to {@code max} due deliveries of a subscription until {@code until}; other instances skip them. */
    List<Claimed> claim(UUID webhookId, int max, Instant until) {
        return jdbc.query("""
                update webhook_delivery set claimed_until = ? where id in (
                    select id from webhook_delivery
                    where webhook_id = ? and status = 'pending' and next_attempt_at <= now()
                      and (claimed_until is null or claimed_until < now())
                    order by next_attempt_at, created_at limit ? for update skip locked)
                returning id, webhook_id, event_id, incident_id, event_type, payload, attempts""",
                (rs, row) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("webhook_id", UUID.class),
                        rs.getObject("event_id", UUID.class), rs.getObject("incident_id", UUID.class),
                        rs.getString("event_type"), rs.getBytes("payload"), rs.getInt("attempts")),
                Timestamp.from(until), webhookId, max);
    }

    /**
     * Records an attempt and what follows from it: delivered, retried at {@code retryAt}, or finished as failed or
     * dead. False if another instance finished the same attempt first.
     */
    @Transactional
    public boolean attempted(Claimed d, Webhook w, Instant started, long durationMs, Integer status, String error,
                             String outcome, Instant retryAt, Instant now) {
        int attempt = d.attempts() + 1;
        int updated = jdbc.update("""
                update webhook_delivery set attempts = ?, status = ?, next_attempt_at = coalesce(?, next_attempt_at),
                    claimed_until = null, last_status = ?, last_error = ?,
                    finished_at = case when ?::text = 'pending' then null else ?::timestamptz end
                where id = ? and attempts = ? and status = 'pending'""",
                attempt, outcome, retryAt == null ? null : Timestamp.from(retryAt), status, error, outcome,
                Timestamp.from(now), d.id(), d.attempts());
        if (updated == 0) {
            return false;
        }
        jdbc.update("insert into webhook_attempt (delivery_id, attempt, started_at, duration_ms, status, error) "
                + "values (?, ?, ?, ?, ?, ?)", d.id(), attempt, Timestamp.from(started), durationMs, status, error);
        // attempts by outcome: delivered, failed (refused), dead (gave up), pending (to be retried)
        meters.counter("platform.webhook.attempts", "outcome", outcome).increment();
        switch (outcome) {
            case DELIVERED -> outbox.add(new NotificationDelivered(d.incidentId(), d.id(), CHANNEL, w.name(),
                    d.eventId(), d.eventType(), attempt, now));
            case FAILED, DEAD -> outbox.add(new NotificationFailed(d.incidentId(), d.id(), CHANNEL, w.name(),
                    d.eventId(), d.eventType(), attempt, status, (outcome.equals(DEAD) ? "dead-lettered after "
                    + attempt + " attempts: " : "refused: ") + error, now));
            default -> {
                // retried later
            }
        }
        return true;
    }

    List<Delivery> of(UUID webhookId, String status, int limit) {
        return jdbc.query("""
                select * from webhook_delivery where webhook_id = ? and (?::text is null or status = ?)
                order by created_at desc limit ?""", (rs, row) -> map(rs, null), webhookId, status, status, limit);
    }

    Optional<Delivery> find(UUID deliveryId) {
        List<Delivery.Attempt> attempts = jdbc.query(
                "select * from webhook_attempt where delivery_id = ? order by attempt", (rs, row) ->
                        new Delivery.Attempt(rs.getInt("attempt"), rs.getTimestamp("started_at").toInstant(),
                                rs.getLong("duration_ms"), (Integer) rs.getObject("status", Integer.class),
                                rs.getString("error")), deliveryId);
        return jdbc.query("select * from webhook_delivery where id = ?", (rs, row) -> map(rs, attempts), deliveryId)
                .stream().findFirst();
    }

    private static Delivery map(ResultSet rs, List<Delivery.Attempt> attempts) throws SQLException {
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("webhook_id", UUID.class),
                rs.getObject("event_id", UUID.class), rs.getObject("incident_id", UUID.class),
                rs.getString("event_type"), rs.getString("status"), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), (Integer) rs.getObject("last_status", Integer.class),
                rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "finished_at"), attempts);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
