package dev.incidentloop.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The package rules every service keeps, checked with ArchUnit on its main classes: no package reaches itself through
 * another, the domain packages use no adapter package, and the domain and the rules stay free of Spring, JDBC and
 * Kafka clients so that they can be tested without them.
 */
public final class Boundaries {

    /**
     * What a domain or a rule class may not use: the frameworks and drivers the adapters wrap. Kafka's value types
     * (a topic partition) are data, its clients are I/O.
     */
    private static final String[] INFRASTRUCTURE = {"org.springframework..", "java.sql..", "javax.sql..",
            "org.apache.kafka.clients..", "reactor.."};

    private final String root;
    private final JavaClasses classes;

    private Boundaries(String root) {
        this.root = root;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
    }

    /** The main classes of a service, under its root package. */
    public static Boundaries of(String root) {
        return new Boundaries(root);
    }

    public JavaClasses classes() {
        return classes;
    }

    /** No package depends on itself through another. */
    public void haveNoPackageCycles() {
        slices().matching(root + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    /** The domain packages (names under the root) use none of the adapter packages. */
    public void keepDomainApartFromAdapters(String[] domain, String[] adapters) {
        noClasses().that().resideInAnyPackage(under(domain)).should().dependOnClassesThat()
                .resideInAnyPackage(under(adapters)).check(classes);
    }

    /** The domain packages (names under the root) use no Spring, JDBC, Kafka client or Reactor. */
    public void keepDomainFreeOfInfrastructure(String... domain) {
        noClasses().that().resideInAnyPackage(under(domain)).should().dependOnClassesThat()
                .resideInAnyPackage(INFRASTRUCTURE).check(classes);
    }

    /**
     * Classes named for rules or plans ({@code *Rules}, {@code *Planner}, {@code *Plan}) use no infrastructure; the
     * configuration packages' access rules, which are Spring Security's, excepted.
     */
    public void keepRulesFreeOfInfrastructure() {
        // ArchUnit joins the conditions from left to right: (Rules or Planner or Plan) and outside config
        noClasses().that().haveSimpleNameEndingWith("Rules").or().haveSimpleNameEndingWith("Planner")
                .or().haveSimpleNameEndingWith("Plan").and().resideOutsideOfPackage("..config..").should().dependOnClassesThat()
                .resideInAnyPackage(INFRASTRUCTURE).allowEmptyShould(false).check(classes);
    }

    /** These classes (names under the root, as {@code feed.Feeds}), the service's pure rules, use no infrastructure. */
    public void keepFreeOfInfrastructure(String... rules) {
        for (String rule : rules) {
            if (!classes.contain(root + "." + rule)) {
                throw new AssertionError("no class " + root + "." + rule);
            }
        }
        String names = Arrays.stream(rules).map(rule -> Pattern.quote(root + "." + rule))
                .collect(Collectors.joining("|", "(", ")(\\$.*)?"));
        noClasses().that().haveNameMatching(names).should().dependOnClassesThat()
                .resideInAnyPackage(INFRASTRUCTURE).check(classes);
    }

    private String[] under(String[] packages) {
        return Arrays.stream(packages).map(p -> root + "." + p + "..").toArray(String[]::new);
    }
}
