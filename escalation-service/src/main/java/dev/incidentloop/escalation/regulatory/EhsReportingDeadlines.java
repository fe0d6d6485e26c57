package dev.incidentloop.escalation.regulatory;

import dev.incidentloop.escalation.incident.TrackedIncident;
import dev.incidentloop.events.Category;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * DOMAIN.md section 5, rule "Deadlines" (EHS recordable events): the written report (into the ledger, with its
 * analysis) within 1 working day; a level-3 event is investigated and its report goes to the general manager within
 * 10 working days. Both count from the report in this platform, in working days of the category's policy calendar
 * (rule "Working days": holidays and make-up working days included). The periods are {@link RegulatoryPeriods},
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
        List<Obligation> obligations = new ArrayList<>();
        obligations.add(new Obligation(REPORT, incident.reportedAt(), periods.of(periods.ehsReport()), false));
        if (incident.ehsLevel() != null && incident.ehsLevel() == 3) {
            obligations.add(new Obligation(INVESTIGATION, incident.reportedAt(), periods.of(periods.ehsInvestigation()),
                    false));
        }
        return obligations;
    }
}
