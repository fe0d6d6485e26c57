package dev.incidentloop.gateway.integration;

import dev.incidentloop.events.Category;
import dev.incidentloop.gateway.security.Secrets;
import java.time.Instant;
import java.util.UUID;

/** Integrations put straight into a catalogue, for tests with no broker to read them from. */
public final class TestIntegrations {

    private TestIntegrations() {
    }

    /** An IT-service integration with the default severities; returns its key. */
    public static String add(IntegrationCatalogue catalogue, String name) {
        String key = Secrets.newKey();
        String id = UUID.randomUUID().toString();
        catalogue.apply(id, integration(id, name, key, null));
        return key;
    }

    public static Integration integration(String id, String name, String key, Integer eventsPerMinute) {
        return new Integration(id, name, Secrets.sha256Hex(key), Category.IT_SERVICE, null,
                SeverityMappings.defaults(Category.IT_SERVICE).orElseThrow(), "severity", eventsPerMinute,
                Instant.EPOCH, "test");
    }
}
