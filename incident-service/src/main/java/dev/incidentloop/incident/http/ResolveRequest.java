package dev.incidentloop.incident.http;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record ResolveRequest(@NotBlank @Size(max = 100) String resolutionCode, @Size(max = 10_000) String notes) {
}
