package dev.incidentloop.escalation.regulatory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.incidentloop.escalation.calendar.Target;
import dev.incidentloop.escalation.incident.TrackedIncident;
import dev.incidentloop.events.Category;
import dev.incidentloop.events.Priority;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** DOMAIN.md section 3, rule "Deadlines" (information security), and section 5, rule "Deadlines" (EHS). */
class ReportingDeadlinePoliciesTest {

    private static final Instant DETECTED = Instant.parse("2026-03-02T06:00:00Z");
    private static final Instant REPORTED = Instant.parse("2026-03-02T08:00:00Z");
    private final RegulatoryPeriods periods = new RegulatoryPeriods("4 hours", "24 hours", "2 hours", "24 hours",
            "1 working-day", "10 working-days");

    @Test
    void a_security_incident_is_reported_within_4_hours_of_detection_the_leadership_informed_within_2_and_a_plan_proposed_within_24() {
        var obligations = new SecurityReportingDeadlines(periods).obligations(incident(Category.INFORMATION_SECURITY,
                false, null));

        assertThat(obligations).extracting(Obligation::name, Obligation::referenceAt, Obligation::within,
                Obligation::fulfilledByReport).containsExactly(
                tuple("security-report", DETECTED, Target.parse("4 hours"), true),
                tuple("security-leadership-informed", REPORTED, Target.parse("2 hours"), false),
                tuple("security-disposal-plan", REPORTED, Target.parse("24 hours"), false));
    }

    @Test
    void a_major_security_incident_is_reported_within_24_hours() {
        var obligations = new SecurityReportingDeadlines(periods).obligations(incident(Category.INFORMATION_SECURITY,
                true, null));

        assertThat(obligations.get(0).within()).isEqualTo(Target.parse("24 hours"));
    }

    @Test
    void an_ehs_event_is_reported_within_1_working_day_and_a_level_3_one_investigated_within_10() {
        var policy = new EhsReportingDeadlines(periods);

        assertThat(policy.obligations(incident(Category.EHS_RECORDABLE, false, 2))).extracting(Obligation::name,
                Obligation::within).containsExactly(tuple("ehs-report", Target.parse("1 working-day")));
        assertThat(policy.obligations(incident(Category.EHS_RECORDABLE, false, 3))).extracting(Obligation::name,
                Obligation::within).containsExactly(tuple("ehs-report", Target.parse("1 working-day")),
                tuple("ehs-investigation", Target.parse("10 working-days")));
    }

    @Test
    void other_categories_have_no_reporting_obligations() {
        assertThat(new SecurityReportingDeadlines(periods).obligations(incident(Category.IT_SERVICE, false, null)))
                .isEmpty();
        assertThat(new EhsReportingDeadlines(periods).obligations(incident(Category.HSE_ACCIDENT, false, null)))
                .isEmpty();
    }

    private static TrackedIncident incident(Category category, boolean major, Integer ehsLevel) {
        return new TrackedIncident(UUID.randomUUID(), category, Priority.P2, major, ehsLevel, "soc", REPORTED,
                category == Category.INFORMATION_SECURITY ? DETECTED : null, REPORTED, null);
    }
}
