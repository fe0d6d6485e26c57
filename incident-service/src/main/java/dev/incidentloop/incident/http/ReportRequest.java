package dev.incidentloop.incident.http;

import dev.incidentloop.events.Category;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A person's report. The reporter is whoever is authenticated. */
record ReportRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 10_000) String description,
        @NotNull Category category,
        @NotNull @Min(1) @Max(3) Integer impact,
        @NotNull @Min(1) @Max(3) Integer urgency) {
}
