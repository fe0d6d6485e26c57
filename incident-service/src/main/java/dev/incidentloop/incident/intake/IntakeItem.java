package dev.incidentloop.incident.intake;

import dev.incidentloop.events.IntakeReport;
import dev.incidentloop.incident.intake.IntakeDedup.Alert;
import java.time.Instant;

/** A checked intake record: where it was read, when the broker took it, and the report it holds. */
record IntakeItem(int partition, long offset, Instant seenAt, IntakeReport report) {

    Alert alert() {
        return new Alert(report.source(), report.effectiveDedupKey());
    }

    boolean trigger() {
        return report.effectiveAction() == IntakeReport.Action.TRIGGER;
    }
}
