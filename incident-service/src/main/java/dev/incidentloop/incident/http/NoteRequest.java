package dev.incidentloop.incident.http;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record NoteRequest(@NotBlank @Size(max = 10_000) String text) {
}
