package dev.incidentloop.escalation.regulatory;

import dev.incidentloop.escalation.calendar.Target;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The periods of the procedures' reporting obligations, as DOMAIN.md sections 3 and 5 set them; configurable because
 * organisations tighten them (and tests shorten them). Written as targets: {@code 4 hours}, {@code 1 working-day}.
 */
@ConfigurationProperties("escalation.regulatory")
public record RegulatoryPeriods(
        @DefaultValue("4 hours") String securityReport,
        @DefaultValue("24 hours") String securityReportMajor,
        @DefaultValue("2 hours") String securityLeadership,
        @DefaultValue("24 hours") String securityDisposalPlan,
        @DefaultValue("1 working-day") String ehsReport,
        @DefaultValue("10 working-days") String ehsInvestigation) {

    public RegulatoryPeriods {
        for (String period : new String[] {securityReport, securityReportMajor, securityLeadership,
                securityDisposalPlan, ehsReport, ehsInvestigation}) {
            Target.parse(period);
        }
    }

    Target of(String period) {
        return Target.parse(period);
    }
}
