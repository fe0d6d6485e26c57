package dev.incidentloop.reporting;

import dev.incidentloop.testsupport.Boundaries;
import org.junit.jupiter.api.Test;

/**
 * reporting-service's slices: the facts folded from the events, the replay that rebuilds them, and the SLA, KPI and
 * monthly-report readers over them. The facts and the replay are used by the readers, never the reverse; the rules
 * (a fact's figures, the replay's plan, periods and forecasts) need no infrastructure.
 */
class ArchitectureTest {

    private static final Boundaries SERVICE = Boundaries.of("dev.incidentloop.reporting");

    @Test
    void no_package_depends_on_itself_through_another() {
        SERVICE.haveNoPackageCycles();
    }

    @Test
    void the_facts_and_the_replay_use_no_reader_and_no_configuration() {
        SERVICE.keepDomainApartFromAdapters(new String[] {"facts", "replay"},
                new String[] {"sla", "kpi", "report", "config"});
    }

    @Test
    void the_rules_use_no_spring_jdbc_or_kafka_client() {
        SERVICE.keepRulesFreeOfInfrastructure();
        SERVICE.keepFreeOfInfrastructure("facts.Fact", "facts.EventIds", "kpi.Period", "report.HoltForecast",
                "report.ReportPage");
    }
}
