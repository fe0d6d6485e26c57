package dev.incidentloop.escalation.regulatory;

import dev.incidentloop.escalation.incident.TrackedIncident;
import dev.incidentloop.events.Category;
import dev.incidentloop.events.SecurityKind;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * DOMAIN.md section 3, rule "Deadlines" (information security, ISO 27001): a department reports an incident to the
 * responsible department within 4 hours of detecting it, a major incident within 24 hours; the responsible department
 * informs the security leadership within 2 hours of receiving it, and proposes a disposal plan within 24 hours.
 * Detection is the time the report gives (the report's own time if none); receipt is when the incident became a
 * security incident here (its report, or the reclassification into the category). The deadlines are the procedure's
 * for security <em>incidents</em>: a reported event (事态) or weakness (弱点) is recorded and classified but carries
 * none. The periods are {@link RegulatoryPeriods}, these by default.
 */
@Component
class SecurityReportingDeadlines implements ReportingDeadlinePolicy {

    private final RegulatoryPeriods periods;

    SecurityReportingDeadlines(RegulatoryPeriods periods) {
        this.periods = periods;
    }

    static final String REPORT = "security-report";
    static final String MAJOR_REPORT = "security-major-report";
    static final String LEADERSHIP = "security-leadership-informed";
    static final String DISPOSAL_PLAN = "security-disposal-plan";

    @Override
    public List<Obligation> obligations(TrackedIncident incident) {
        if (incident.category() != Category.INFORMATION_SECURITY || incident.reportedAt() == null
                || (incident.securityKind() != null && incident.securityKind() != SecurityKind.INCIDENT)) {
            return List.of();
        }
        Instant detected = incident.detectedAt() != null ? incident.detectedAt() : incident.reportedAt();
        Instant received = incident.categorySince() != null ? incident.categorySince() : incident.reportedAt();
        Obligation report = incident.major()
                ? new Obligation(MAJOR_REPORT, detected, periods.of(periods.securityReportMajor()), true)
                : new Obligation(REPORT, detected, periods.of(periods.securityReport()), true);
        return List.of(report,
                new Obligation(LEADERSHIP, received, periods.of(periods.securityLeadership()), false),
                new Obligation(DISPOSAL_PLAN, received, periods.of(periods.securityDisposalPlan()), false));
    }
}
