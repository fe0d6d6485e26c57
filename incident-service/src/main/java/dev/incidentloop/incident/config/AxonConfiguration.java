package dev.incidentloop.incident.config;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration
class AxonConfiguration {

    /**
     * Axon's default logs a failing event handler and moves on, which for the relay would skip an event for good.
     * Propagating makes the processor retry the same event, with back-off, until Kafka takes it.
     */
    @Autowired
    void relayRetriesUntilPublished(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler("kafka-relay", c -> PropagatingErrorHandler.instance());
    }
}
