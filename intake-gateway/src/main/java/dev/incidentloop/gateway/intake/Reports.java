package dev.incidentloop.gateway.intake;

import dev.incidentloop.events.IntakeReport;
import dev.incidentloop.gateway.integration.Integration;
import dev.incidentloop.gateway.integration.Severity;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Intake reports as an integration speaks them: its name is the source and the reporter, its team goes along, and
 * the severity picks the classification of its category. Nothing a body says can change who is speaking.
 */
public final class Reports {

    /** The intake schema's limits, which a sender's longer texts are cut to. */
    public static final int TITLE = 200;
    public static final int DESCRIPTION = 10_000;

    private Reports() {
    }

    public static IntakeReport trigger(Integration integration, String dedupKey, String title, String description,
                                       Severity severity, String severityWord, Map<String, Object> details,
                                       List<IntakeReport.Link> links) {
        return new IntakeReport(newReportId(), integration.name(), IntakeReport.Action.TRIGGER, dedupKey,
                cut(title, TITLE), cut(description, DESCRIPTION), integration.category(), null, null,
                integration.classification(severity), integration.name(), integration.team(), severityWord,
                details == null || details.isEmpty() ? null : details, links == null || links.isEmpty() ? null : links);
    }

    public static IntakeReport followUp(Integration integration, IntakeReport.Action action, String dedupKey,
                                        String description) {
        return new IntakeReport(newReportId(), integration.name(), action, dedupKey, null,
                cut(description, DESCRIPTION), null, null, null, null, integration.name(), integration.team(), null,
                null, null);
    }

    /** Unique per record: a record the broker got twice is counted once by incident-service. */
    public static String newReportId() {
        return UUID.randomUUID().toString();
    }

    /** At most {@code max} characters, the last of them an ellipsis when something was cut. */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "\u2026";
    }
}
