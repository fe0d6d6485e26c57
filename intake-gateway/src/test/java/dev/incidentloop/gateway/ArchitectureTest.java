package dev.incidentloop.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The gateway's routes (PagerDuty's, Alertmanager's and the native one in {@code intake}) translate a format into
 * intake reports; beneath them are the integrations, publishing to Kafka, security and the web helpers. Nothing
 * beneath a route knows the routes. (The Spring services check the same with test-support's Boundaries; the gateway
 * is a Micronaut process and takes ArchUnit as it is.)
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.incidentloop.gateway");

    @Test
    void no_package_depends_on_itself_through_another() {
        slices().matching("dev.incidentloop.gateway.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void what_lies_beneath_the_routes_uses_none_of_them() {
        noClasses().that().resideInAnyPackage("..gateway.integration..", "..gateway.publish..",
                "..gateway.security..", "..gateway.web..").should().dependOnClassesThat()
                .resideInAnyPackage("..gateway.pagerduty..", "..gateway.alertmanager..", "..gateway.intake..")
                .check(CLASSES);
    }
}
