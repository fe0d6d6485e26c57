package dev.incidentloop.escalation.regulatory;

import dev.incidentloop.escalation.incident.TrackedIncident;
import dev.incidentloop.events.Category;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * DOMAIN.md section 5, rule "Deadlines" (EHS recordable events): the written report (into the ledger, with its
 * analysis) within 1 working day; a level-3 event is investigated and its report goes to the general manager within
 * 10 working days. Both count from when the event happened, as the report gives it (the report's own time if
 * none), in working days of the category's policy calendar (rule "Working days": holidays and make-up working days
 * included). A level raised to 3 by a reclassification gets its investigation deadline then, counted from the event. The periods are {@link RegulatoryPeriods},
 * these by default.
 */
@Component
class EhsReportingDeadlines implements ReportingDeadlinePolicy {

    private final RegulatoryPeriods periods;

    EhsReportingDeadlines(RegulatoryPeriods periods) {
        this.periods = periods;
    }

    static final String REPORT = "ehs-report";
    static final String INVESTIGATION = "ehs-investigation";

    @Override
    public List<Obligation> obligations(TrackedIncident incident) {
        if (incident.category() != Category.EHS_RECORDABLE || incident.reportedAt() == null) {
            return List.of();
        }
        Instant happened = incident.detectedAt() != null ? incident.detectedAt() : incident.reportedAt();
        List<Obligation> obligations = new ArrayList<>();
        obligations.add(new Obligation(REPORT, happened, periods.of(periods.ehsReport()), false));
        if (incident.ehsLevel() != null && incident.ehsLevel() >= 3) {
            obligations.add(new Obligation(INVESTIGATION, happened, periods.of(periods.ehsInvestigation()), false));
        }
        return obligations;
    }
}
