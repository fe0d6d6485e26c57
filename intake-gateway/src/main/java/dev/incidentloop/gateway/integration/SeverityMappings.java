package dev.incidentloop.gateway.integration;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The severity mapping an integration gets when its admin gives none. Only IT service has one: impact and urgency
 * from the ITIL matrix (critical P1, error P2, warning P3, info P5). The other categories classify by facts an alert
 * does not carry (a security incident's kind, an accident's injuries), so their integrations must say.
 */
public final class SeverityMappings {

    private SeverityMappings() {
    }

    public static Optional<Map<Severity, Classification>> defaults(Category category) {
        if (category != Category.IT_SERVICE) {
            return Optional.empty();
        }
        Map<Severity, Classification> mapping = new EnumMap<>(Severity.class);
        mapping.put(Severity.CRITICAL, new Classification.ItService(1, 1));
        mapping.put(Severity.ERROR, new Classification.ItService(1, 2));
        mapping.put(Severity.WARNING, new Classification.ItService(2, 2));
        mapping.put(Severity.INFO, new Classification.ItService(3, 3));
        return Optional.of(mapping);
    }
}
