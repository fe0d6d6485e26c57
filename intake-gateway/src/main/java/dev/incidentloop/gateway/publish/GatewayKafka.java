package dev.incidentloop.gateway.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The one producer of this process. Every record is durable before a request is answered: {@code acks=all} and the
 * idempotent producer, so a retry inside the client cannot write a record twice. Concurrent requests share batches
 * (a few ms of linger), so durability costs a broker round trip per batch, not per request. A broker that does not
 * answer costs at most the delivery timeout, after which the request is answered 503.
 */
@Factory
public class GatewayKafka {

    @Singleton
    @Bean(preDestroy = "close")
    KafkaProducer<String, byte[]> producer(@Value("${gateway.kafka.bootstrap-servers}") String bootstrapServers,
                                           @Value("${gateway.kafka.linger}") Duration linger,
                                           @Value("${gateway.kafka.delivery-timeout}") Duration deliveryTimeout) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, "intake-gateway");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger.toMillis());
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        // records waiting for the broker live on the heap, which is kept small: what does not fit waits in send()
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 16L * 1024 * 1024);
        // the request timeout must fit in the delivery timeout with the linger: the client refuses it otherwise
        int delivery = (int) deliveryTimeout.toMillis();
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, delivery);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1, delivery - (int) linger.toMillis() - 1));
        // send() waits for metadata at most this long, on the thread of the request
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(delivery, 2_000));
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** The producer's own metrics (kafka_producer_*: records sent and failed, buffer, request latency). */
    @Context
    @Bean(preDestroy = "close")
    KafkaClientMetrics producerMetrics(KafkaProducer<String, byte[]> producer, MeterRegistry meters) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(meters);
        return metrics;
    }
}
