package dev.incidentloop.gateway.integration;

import java.util.Locale;
import java.util.Optional;

/** PagerDuty's four severities, which every integration maps to its category's classification. */
public enum Severity {
    CRITICAL, ERROR, WARNING, INFO;

    /** What an alert's severity label or a report's severity word most often is when it says nothing we know. */
    public static final Severity DEFAULT = WARNING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> parse(String word) {
        if (word == null) {
            return Optional.empty();
        }
        for (Severity severity : values()) {
            if (severity.wireName().equalsIgnoreCase(word.trim())) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }
}
