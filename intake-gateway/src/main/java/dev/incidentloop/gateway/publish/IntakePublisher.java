package dev.incidentloop.gateway.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidentloop.events.EventCodec;
import dev.incidentloop.events.IntakeReport;
import dev.incidentloop.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Puts a request's reports on the intake topic, keyed by dedup key so that one alert's records stay in order, and
 * completes when the broker has acknowledged every one of them.
 */
@Singleton
public final class IntakePublisher {

    private static final ObjectMapper MAPPER = EventCodec.defaultMapper();

    private final KafkaProducer<String, byte[]> producer;
    private final Counter published;
    private final Counter unavailable;

    public IntakePublisher(KafkaProducer<String, byte[]> producer, MeterRegistry meters) {
        this.producer = producer;
        this.published = reports(meters, "published");
        this.unavailable = reports(meters, "broker-unavailable");
    }

    /** {@code platform.intake.reports} by outcome: put on the intake topic, or answered 503 for want of a broker. */
    private static Counter reports(MeterRegistry meters, String outcome) {
        return Counter.builder("platform.intake.reports").tag("outcome", outcome)
                .description("reports the gateway put on the intake topic, or could not for want of a broker")
                .register(meters);
    }

    /** Completes normally when all are durable, exceptionally with {@link BrokerUnavailable} when not. */
    public CompletableFuture<Void> publish(List<IntakeReport> reports) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (reports.isEmpty()) {
            done.complete(null);
            return done;
        }
        AtomicInteger pending = new AtomicInteger(reports.size());
        done.whenComplete((ok, failure) -> (failure == null ? published : unavailable).increment(reports.size()));
        try {
            for (IntakeReport report : reports) {
                producer.send(new ProducerRecord<>(Topics.INTAKE.name(), report.effectiveDedupKey(), encode(report)),
                        (metadata, failure) -> {
                            if (failure != null) {
                                done.completeExceptionally(new BrokerUnavailable(failure));
                            } else if (pending.decrementAndGet() == 0) {
                                done.complete(null);
                            }
                        });
            }
        } catch (KafkaException e) {
            // no metadata within max.block.ms, or the producer is closing
            done.completeExceptionally(new BrokerUnavailable(e));
        }
        return done;
    }

    static byte[] encode(IntakeReport report) {
        try {
            return MAPPER.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
