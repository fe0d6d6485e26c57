package dev.incidentloop.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * What another system publishes on the intake topic (schema: {@code schemas/intake-report.v1.schema.json}), with
 * the semantics of an alerting integration:
 * <ul>
 *   <li>{@code trigger} opens an incident for the dedup key, or counts one more occurrence of the open one;
 *       after that incident is resolved, a trigger opens a new incident;</li>
 *   <li>{@code acknowledge} and {@code resolve} act on the open incident of the dedup key; for an unknown key they
 *       are dropped, with the reason logged.</li>
 * </ul>
 * Publish with the dedup key as the record key, so that one alert's records stay in order.
 *
 * @param reportId unique per record within the source; a record published twice is counted once
 * @param dedupKey what makes two reports the same alert; defaults to {@code reportId}
 * @param impact   it-service shorthand, 1 high .. 3 low
 * @param urgency  it-service shorthand, 1 high .. 3 low
 * @param team     the team the sending integration belongs to, if it says
 * @param severity the sender's own severity word (PagerDuty's critical/error/warning/info, an alert's label)
 * @param details  what the sender said beyond the title: an alert's labels and annotations, custom details
 * @param links    where the sender points for more (an alert's generator URL, a runbook)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntakeReport(
        String reportId,
        String source,
        Action action,
        String dedupKey,
        String title,
        String description,
        Category category,
        Integer impact,
        Integer urgency,
        Classification classification,
        String reportedBy,
        String team,
        String severity,
        Map<String, Object> details,
        List<Link> links) {

    /** A report with no alert context: what a person or a plain script sends. */
    public IntakeReport(String reportId, String source, Action action, String dedupKey, String title,
                        String description, Category category, Integer impact, Integer urgency,
                        Classification classification, String reportedBy) {
        this(reportId, source, action, dedupKey, title, description, category, impact, urgency, classification,
                reportedBy, null, null, null, null);
    }

    /** A link a sender gives with a report. */
    public record Link(String href, String text) {
    }

    public enum Action {
        TRIGGER("trigger"), ACKNOWLEDGE("acknowledge"), RESOLVE("resolve");

        private final String wireName;

        Action(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }
    }

    /** The action, {@code trigger} when none is given. */
    public Action effectiveAction() {
        return action == null ? Action.TRIGGER : action;
    }

    /** The dedup key, the report id when none is given. */
    public String effectiveDedupKey() {
        return dedupKey == null || dedupKey.isBlank() ? reportId : dedupKey;
    }
}
