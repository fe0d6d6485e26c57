package dev.incidentloop.escalation.regulatory;

import dev.incidentloop.escalation.incident.TrackedIncident;
import dev.incidentloop.events.Category;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * DOMAIN.md section 3, rule "Deadlines" (information security, ISO 27001): a department reports an incident to the
 * responsible department within 4 hours of detecting it, a major incident within 24 hours; the responsible department
 * informs the security leadership within 2 hours of receiving it, and proposes a disposal plan within 24 hours.
 * Receipt is the report in this platform; detection is the time the report gives (the report's own time if none).
 * The periods are {@link RegulatoryPeriods}, these by default.
 */
@Component
class SecurityReportingDeadlines implements ReportingDeadlinePolicy {

    private final RegulatoryPeriods periods;

    SecurityReportingDeadlines(RegulatoryPeriods periods) {
        this.periods = periods;
    }

    static final String REPORT = "security-report";
    static final String LEADERSHIP = "security-leadership-informed";
    static final String DISPOSAL_PLAN = "security-disposal-plan";

    @Override
    public List<Obligation> obligations(TrackedIncident incident) {
        if (incident.category() != Category.INFORMATION_SECURITY || incident.reportedAt() == null) {
            return List.of();
        }
        var detected = incident.detectedAt() != null ? incident.detectedAt() : incident.reportedAt();
        return List.of(
                new Obligation(REPORT, detected, periods.of(incident.major() ? periods.securityReportMajor()
                        : periods.securityReport()), true),
                new Obligation(LEADERSHIP, incident.reportedAt(), periods.of(periods.securityLeadership()), false),
                new Obligation(DISPOSAL_PLAN, incident.reportedAt(), periods.of(periods.securityDisposalPlan()),
                        false));
    }
}
