package dev.incidentloop.events;

/**
 * What another system publishes on the intake topic to report an incident
 * (schema: {@code schemas/intake-report.v1.schema.json}). The record key is {@code reportId}: the incident
 * does not exist yet, so the incident id is derived from {@code source} and {@code reportId}, which makes a
 * redelivered or republished report land on the same incident.
 *
 * @param impact  1 high .. 3 low: how much of the business is affected
 * @param urgency 1 high .. 3 low: how long the business can wait
 */
public record IntakeReport(
        String reportId,
        String source,
        String title,
        String description,
        Category category,
        int impact,
        int urgency,
        String reportedBy) {
}
