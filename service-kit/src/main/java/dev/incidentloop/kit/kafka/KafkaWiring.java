package dev.incidentloop.kit.kafka;

import dev.incidentloop.events.EnvelopeSerde;
import dev.incidentloop.events.EventDecodingException;
import dev.incidentloop.events.EventEnvelope;
import dev.incidentloop.events.TopicSpec;
import dev.incidentloop.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The one place where the platform's Kafka clients are configured: serdes from the topic catalogue, idempotent
 * producers with {@code acks=all}, consumers that start at the earliest offset, and an error handler that sends
 * what cannot be processed to {@code <topic>.<group>.dlt} with the reason in the {@value #REASON_HEADER} header,
 * then carries on with the next record.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableKafka
@EnableConfigurationProperties(KafkaProperties.class)
public class KafkaWiring {

    public static final String REASON_HEADER = "dlt-reason";
    /** How often a listener commits the offsets it has processed, at most. */
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(1);
    /** For listeners of the event streams: values are {@link EventEnvelope}s. */
    public static final String EVENT_LISTENER_FACTORY = "eventListenerFactory";
    /**
     * As {@link #EVENT_LISTENER_FACTORY}, a poll's records at once. A record that could not be decoded has no value:
     * {@link EventBatches#process} parks it on the dead-letter topic.
     */
    public static final String EVENT_BATCH_LISTENER_FACTORY = "eventBatchListenerFactory";
    /** For listeners that validate the bytes themselves (intake): values are {@code byte[]}. */
    public static final String RAW_LISTENER_FACTORY = "rawListenerFactory";
    /**
     * As {@link #RAW_LISTENER_FACTORY}, a poll's records at once. A listener marks a record it cannot process by
     * throwing {@code BatchListenerFailedException} with its index: the records before it count as done, it goes
     * to the dead-letter topic, and the rest are delivered again.
     */
    public static final String RAW_BATCH_LISTENER_FACTORY = "rawBatchListenerFactory";
    /** Counted per topic and cause each time a record is parked on a dead-letter topic. */
    public static final String DEAD_LETTERS_METRIC = "platform.dead.letters";
    /** Counted per topic and cause each time a record that failed is tried again. */
    public static final String RETRIES_METRIC = "platform.listener.retries";
    /** A topic config under which no record is deleted for its age. */
    public static final Map<String, String> KEEP_EVERY_RECORD = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");

    private final ObjectProvider<MeterRegistry> meters;

    public KafkaWiring(ObjectProvider<MeterRegistry> meters) {
        this.meters = meters;
    }

    @Bean
    KafkaTemplate<String, Object> kafkaTemplate(KafkaProperties properties) {
        Map<String, Object> config = new LinkedHashMap<>(properties.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(EventEnvelope.class, new EnvelopeSerde.EnvelopeSerializer());
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(String.class, new StringSerializer());
        var factory = new DefaultKafkaProducerFactory<String, Object>(config, new StringSerializer(),
                new DelegatingByTypeSerializer(byType));
        MeterRegistry registry = meters.getIfUnique();
        if (registry != null) {
            factory.addListener(new MicrometerProducerListener<>(registry));
        }
        return new KafkaTemplate<>(factory);
    }

    @Bean
    DefaultErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, Object> template,
                                                  @Value("${spring.application.name}") String group,
                                                  @Value("${platform.kafka.retry-for:1m}") Duration retryFor) {
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, ex) -> new TopicPartition(record.topic() + "." + group + ".dlt", -1));
        recoverer.setHeadersFunction((record, ex) -> {
            var headers = new RecordHeaders();
            headers.add(REASON_HEADER, reason(ex).getBytes(StandardCharsets.UTF_8));
            MeterRegistry registry = meters.getIfUnique();
            if (registry != null) {
                registry.counter(DEAD_LETTERS_METRIC, "topic", record.topic(), "cause",
                        cause(ex).getClass().getSimpleName()).increment();
            }
            return headers;
        });
        // Any other failure is retried for platform.kafka.retry-for (a minute) before the record is parked; one that
        // passes by itself (the database or the broker away) is waited out however long it lasts, so no valid event
        // is parked for it.
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(retryFor.toMillis());
        ExponentialBackOff waitItOut = new ExponentialBackOff(200, 2.0);
        waitItOut.setMaxInterval(10_000);
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.setBackOffFunction((record, ex) -> Failures.passesByItself(ex) ? waitItOut : null);
        handler.setRetryListeners((record, ex, attempt) -> {
            MeterRegistry registry = meters.getIfUnique();
            if (registry != null) {
                registry.counter(RETRIES_METRIC, "topic", record.topic(), "cause",
                        cause(ex).getClass().getSimpleName()).increment();
            }
        });
        handler.addNotRetryableExceptions(RejectedRecordException.class, EventDecodingException.class,
                DeserializationException.class);
        return handler;
    }

    @Bean(EVENT_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, EventEnvelope> eventListenerFactory(
            KafkaProperties properties, DefaultErrorHandler errorHandler,
            @Value("${spring.application.name}") String group) {
        var factory = listenerFactory(properties, errorHandler, group,
                new ErrorHandlingDeserializer<>(new EnvelopeSerde.EnvelopeDeserializer()));
        // Event listeners are idempotent, so their offsets need not be committed after every poll, which for a
        // stream of single events is a broker write per event and consumer: once a second (or every thousand
        // records) is enough, and a restart redelivers at most that. An idle consumer returns from its poll every
        // second, so the last offsets are committed soon after the stream stops too.
        var container = factory.getContainerProperties();
        container.setAckMode(ContainerProperties.AckMode.COUNT_TIME);
        container.setAckTime(COMMIT_EVERY.toMillis());
        container.setAckCount(1_000);
        container.setPollTimeout(COMMIT_EVERY.toMillis());
        return factory;
    }

    @Bean(EVENT_BATCH_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, EventEnvelope> eventBatchListenerFactory(
            KafkaProperties properties, DefaultErrorHandler errorHandler,
            @Value("${spring.application.name}") String group) {
        var factory = eventListenerFactory(properties, errorHandler, group);
        factory.setBatchListener(true);
        return factory;
    }

    @Bean(RAW_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> rawListenerFactory(
            KafkaProperties properties, DefaultErrorHandler errorHandler,
            @Value("${spring.application.name}") String group) {
        return listenerFactory(properties, errorHandler, group, new ByteArrayDeserializer());
    }

    @Bean(RAW_BATCH_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> rawBatchListenerFactory(
            KafkaProperties properties, DefaultErrorHandler errorHandler,
            @Value("${spring.application.name}") String group) {
        var factory = rawListenerFactory(properties, errorHandler, group);
        factory.setBatchListener(true);
        return factory;
    }

    /**
     * The catalogue's topics and this service's dead-letter topics, created if missing. The event streams are the
     * platform's history and keep every record; so do dead-letter topics, whose records wait for someone to look at
     * them. With {@code spring.kafka.admin.modify-topic-configs} an existing topic is brought to that setting too.
     */
    @Bean
    KafkaAdmin.NewTopics platformTopics(ObjectProvider<ConsumedTopics> consumed,
                                        @Value("${spring.application.name}") String group,
                                        @Value("${platform.kafka.replication-factor:1}") short replication) {
        List<NewTopic> topics = new ArrayList<>();
        for (TopicSpec topic : Topics.ALL) {
            NewTopic newTopic = new NewTopic(topic.name(), Topics.PARTITIONS, replication);
            topics.add(topic.history() ? newTopic.configs(KEEP_EVERY_RECORD) : newTopic);
        }
        consumed.orderedStream().flatMap(c -> c.topics().stream()).distinct()
                .forEach(topic -> topics.add(new NewTopic(topic.deadLetter(group), 1, replication)
                        .configs(KEEP_EVERY_RECORD)));
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }


    /** A listener factory whose consumers report their metrics (lag among them) to the meter registry. */
    private <V> ConcurrentKafkaListenerContainerFactory<String, V> listenerFactory(
            KafkaProperties properties, DefaultErrorHandler errorHandler, String group, Deserializer<V> values) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, V>();
        var consumers = new DefaultKafkaConsumerFactory<>(consumerConfig(properties, group), new StringDeserializer(),
                values);
        MeterRegistry registry = meters.getIfUnique();
        if (registry != null) {
            consumers.addListener(new MicrometerConsumerListener<>(registry));
        }
        factory.setConsumerFactory(consumers);
        factory.setCommonErrorHandler(errorHandler);
        return factory;
    }

    private static Map<String, Object> consumerConfig(KafkaProperties properties, String group) {
        Map<String, Object> config = new LinkedHashMap<>(properties.buildConsumerProperties());
        config.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }

    private static String reason(Exception ex) {
        Throwable cause = cause(ex);
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** What made a record fail: the rejection or decoding error if there is one, else the innermost cause. */
    private static Throwable cause(Exception ex) {
        Throwable cause = ex;
        while (cause.getCause() != null && !(cause instanceof RejectedRecordException)
                && !(cause instanceof EventDecodingException)) {
            cause = cause.getCause();
        }
        return cause;
    }
}
