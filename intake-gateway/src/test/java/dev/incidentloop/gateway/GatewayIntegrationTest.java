package dev.incidentloop.gateway;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every gateway test on the real broker shares: the configuration of {@link GatewayClient#properties()}, and a
 * client of the running gateway once it is healthy. Subclasses are {@code @MicronautTest} with a per-class lifecycle.
 */
public abstract class GatewayIntegrationTest implements TestPropertyProvider {

    @Inject
    protected EmbeddedServer server;

    protected GatewayClient gateway;

    @Override
    public Map<String, String> getProperties() {
        return GatewayClient.properties();
    }

    @BeforeEach
    void healthy() {
        gateway = new GatewayClient(server.getURL().toString());
        gateway.awaitHealthy();
    }
}
