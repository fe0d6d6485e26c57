package dev.incidentloop.incident.http;

import dev.incidentloop.events.CancelReason;
import dev.incidentloop.events.Category;
import dev.incidentloop.events.Classification;
import dev.incidentloop.events.FixType;
import dev.incidentloop.events.HoldReason;
import dev.incidentloop.events.LinkType;
import dev.incidentloop.events.SupportLine;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** The bodies of the lifecycle commands, each field bounded. */
final class CommandRequests {

    private CommandRequests() {
    }

    record Resolve(@NotBlank @Size(max = 100) String resolutionCode, @Size(max = 10_000) String notes,
                   SupportLine supportLine, FixType fixType) {
    }

    record Assign(@NotBlank @Size(max = 100) String assignmentGroup, @Size(max = 100) String assignee,
                  @NotNull SupportLine supportLine, @Size(max = 2_000) String reason) {
    }

    record Hold(@NotNull HoldReason reason) {
    }

    record Confirm(@NotNull @Min(1) @Max(5) Integer satisfaction, @Size(max = 2_000) String comment) {
    }

    record Reason(@NotBlank @Size(max = 2_000) String reason) {
    }

    record Cancel(@NotNull CancelReason reason, UUID duplicateOf) {
    }

    record Link(@NotNull LinkType linkType,
                @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:/-]+",
                        message = "must be a record reference such as PRB0042") String reference) {
    }

    record Note(@NotBlank @Size(max = 10_000) String text) {
    }

    record Reclassify(@NotBlank @Size(max = 2_000) String reason, @NotNull Category category, Integer impact,
                      Integer urgency, Classification classification) {
    }
}
