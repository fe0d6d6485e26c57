package dev.incidentloop.escalation;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import dev.incidentloop.testsupport.Boundaries;
import org.junit.jupiter.api.Test;

/**
 * escalation-service is packaged by slice, and its slices depend one way: the inbound listener on the rules (SLA
 * clocks, reporting obligations, the confirmation period), the rules on the chains, everything on the policies and
 * on-call schedules, and those on the calendar, the document store and what is known of each incident.
 */
class ArchitectureTest {

    private static final Boundaries SERVICE = Boundaries.of("dev.incidentloop.escalation");

    @Test
    void no_package_depends_on_itself_through_another() {
        SERVICE.haveNoPackageCycles();
    }

    @Test
    void the_rules_and_the_calendar_use_no_spring_jdbc_or_kafka_client() {
        SERVICE.keepRulesFreeOfInfrastructure();
        SERVICE.keepFreeOfInfrastructure("calendar.Calendar", "calendar.Target", "oncall.Schedule",
                "policy.EscalationPolicy", "policy.BuiltInPolicy", "regulatory.Obligation",
                "regulatory.ReportingDeadlinePolicy", "sla.SlaClockState");
    }

    @Test
    void slices_depend_one_way_from_the_listener_down_to_the_calendar() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Inbound").definedBy("..escalation.inbound..")
                .layer("Admin").definedBy("..escalation.admin..")
                .layer("Rules").definedBy("..escalation.sla..", "..escalation.regulatory..",
                        "..escalation.confirmation..")
                .layer("Chains").definedBy("..escalation.chain..")
                .layer("Policy").definedBy("..escalation.policy..", "..escalation.oncall..")
                .layer("Base").definedBy("..escalation.calendar..", "..escalation.store..",
                        "..escalation.incident..")
                .whereLayer("Inbound").mayNotBeAccessedByAnyLayer()
                .whereLayer("Admin").mayNotBeAccessedByAnyLayer()
                .whereLayer("Rules").mayOnlyBeAccessedByLayers("Inbound")
                .whereLayer("Chains").mayOnlyBeAccessedByLayers("Rules", "Inbound")
                .whereLayer("Policy").mayOnlyBeAccessedByLayers("Chains", "Rules", "Inbound", "Admin")
                .check(SERVICE.classes());
    }
}
