package dev.incidentloop.incident.http;

import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A person's report. The reporter is whoever is authenticated. An IT-service incident may give {@code impact} and
 * {@code urgency} (1 high .. 3 low) directly; any category may give a {@code classification} object (see
 * docs/incident-service.md), which every other category needs.
 */
record ReportRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 10_000) String description,
        @NotNull Category category,
        Integer impact,
        Integer urgency,
        Classification classification) {
}
