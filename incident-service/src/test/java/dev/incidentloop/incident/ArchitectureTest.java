package dev.incidentloop.incident;

import dev.incidentloop.testsupport.Boundaries;
import org.junit.jupiter.api.Test;

/**
 * incident-service's domain is the incident's classification and lifecycle (the aggregate, its commands and the one
 * fold of its events); HTTP, intake from Kafka, the search table, the relay and the reactions to escalations are
 * adapters around it, and its configuration wires them.
 */
class ArchitectureTest {

    private static final Boundaries SERVICE = Boundaries.of("dev.incidentloop.incident");
    private static final String[] DOMAIN = {"classification", "lifecycle"};
    private static final String[] ADAPTERS = {"http", "intake", "search", "relay", "escalations", "config"};

    @Test
    void no_package_depends_on_itself_through_another() {
        SERVICE.haveNoPackageCycles();
    }

    @Test
    void the_domain_uses_no_adapter() {
        SERVICE.keepDomainApartFromAdapters(DOMAIN, ADAPTERS);
    }

    @Test
    void the_domain_and_the_intake_planner_use_no_spring_jdbc_or_kafka_client() {
        SERVICE.keepDomainFreeOfInfrastructure(DOMAIN);
        SERVICE.keepRulesFreeOfInfrastructure();
    }
}
