package dev.incidentloop.events;

import java.util.List;
import java.util.Map;

/**
 * What a monitoring system said about the alert behind an incident, kept with the report: its own severity word, its
 * details (an alert's labels and annotations, PagerDuty's custom details, component, group, class) and its links (an
 * alert's generator URL, a dashboard, a runbook).
 */
public record ReportedAlert(String severity, Map<String, Object> details, List<IntakeReport.Link> links) {

    /** Nothing said beyond the title: no alert context at all. */
    public static ReportedAlert of(IntakeReport report) {
        if (report.severity() == null && report.details() == null && report.links() == null) {
            return null;
        }
        return new ReportedAlert(report.severity(), report.details() == null ? Map.of() : report.details(),
                report.links() == null ? List.of() : report.links());
    }
}
