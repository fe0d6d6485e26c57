package dev.incidentloop.gateway.integration;

import dev.incidentloop.gateway.security.Secrets;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The integrations this instance knows, as read from the integrations topic. Requests read it without locking: every
 * change replaces the maps whole, and integrations are few.
 */
@Singleton
public final class IntegrationCatalogue {

    private volatile Map<String, Integration> byId = Map.of();
    private volatile Map<String, Integration> byKeyHash = Map.of();

    /** The integration of an id is now this one, or gone when {@code integration} is null. */
    synchronized void apply(String id, Integration integration) {
        Map<String, Integration> ids = new HashMap<>(byId);
        if (integration == null) {
            ids.remove(id);
        } else {
            ids.put(id, integration);
        }
        Map<String, Integration> keys = new HashMap<>();
        ids.values().forEach(i -> keys.put(i.keySha256(), i));
        byId = Map.copyOf(ids);
        byKeyHash = Map.copyOf(keys);
    }

    /** The integration a presented key belongs to. */
    public Optional<Integration> byKey(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byKeyHash.get(Secrets.sha256Hex(presentedKey.trim())));
    }

    public Optional<Integration> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Integration> byName(String name) {
        return byId.values().stream().filter(i -> i.name().equals(name)).findFirst();
    }

    public List<Integration> all() {
        return byId.values().stream().sorted(Comparator.comparing(Integration::name)).toList();
    }
}
