package dev.incidentloop.escalation.regulatory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.incidentloop.escalation.calendar.Target;
import dev.incidentloop.escalation.incident.TrackedIncident;
import dev.incidentloop.events.Category;
import dev.incidentloop.events.Priority;
import dev.incidentloop.events.SecurityKind;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * DOMAIN.md section 3, rule "Deadlines" (information security: for incidents, counted from detection and receipt),
 * and section 5, rule "Deadlines" (EHS: counted from the event).
 */
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

        assertThat(obligations.get(0)).extracting(Obligation::name, Obligation::within)
                .containsExactly("security-major-report", Target.parse("24 hours"));
    }

    @Test
    void the_security_deadlines_apply_to_incidents_not_to_reported_events_or_weaknesses() {
        var policy = new SecurityReportingDeadlines(periods);

        assertThat(policy.obligations(security(SecurityKind.WEAKNESS))).as("a weakness (弱点)").isEmpty();
        assertThat(policy.obligations(security(SecurityKind.EVENT))).as("an event (事态)").isEmpty();
        assertThat(policy.obligations(security(SecurityKind.INCIDENT))).as("an incident (事件)").hasSize(3);
    }

    @Test
    void receipt_is_when_the_incident_became_a_security_incident() {
        Instant reclassified = REPORTED.plus(Duration.ofHours(3));
        var it = new TrackedIncident(UUID.randomUUID(), Category.INFORMATION_SECURITY, Priority.P2, false, null,
                SecurityKind.INCIDENT, "soc", REPORTED, DETECTED, reclassified, REPORTED, null);

        assertThat(new SecurityReportingDeadlines(periods).obligations(it)).extracting(Obligation::name,
                Obligation::referenceAt).containsExactly(tuple("security-report", DETECTED),
                tuple("security-leadership-informed", reclassified), tuple("security-disposal-plan", reclassified));
    }

    @Test
    void ehs_deadlines_count_from_when_the_event_happened() {
        Instant happened = REPORTED.minus(Duration.ofHours(20));
        var ehs = new TrackedIncident(UUID.randomUUID(), Category.EHS_RECORDABLE, Priority.P3, true, 3, null, "ehs",
                REPORTED, happened, REPORTED, REPORTED, null);

        assertThat(new EhsReportingDeadlines(periods).obligations(ehs)).extracting(Obligation::referenceAt)
                .containsOnly(happened);
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
        boolean security = category == Category.INFORMATION_SECURITY;
        return new TrackedIncident(UUID.randomUUID(), category, Priority.P2, major, ehsLevel,
                security ? SecurityKind.INCIDENT : null, "soc", REPORTED, security ? DETECTED : null, REPORTED,
                REPORTED, null);
    }

    private static TrackedIncident security(SecurityKind kind) {
        return new TrackedIncident(UUID.randomUUID(), Category.INFORMATION_SECURITY, Priority.P3, false, null, kind,
                "soc", REPORTED, DETECTED, REPORTED, REPORTED, null);
    }
}
