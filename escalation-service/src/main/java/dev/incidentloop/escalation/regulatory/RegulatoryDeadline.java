package dev.incidentloop.escalation.regulatory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/** The state of one obligation of one incident. */
public record RegulatoryDeadline(UUID incidentId, String name, Instant referenceAt, Instant dueAt,
                                 Instant fulfilledAt, String fulfilledBy, String note, Instant missedAt) {

    /** {@code open}, {@code met} or {@code missed}. */
    @JsonProperty("status")
    public String status() {
        if (missedAt != null) {
            return "missed";
        }
        return fulfilledAt != null ? "met" : "open";
    }
}
