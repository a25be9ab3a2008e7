package kr.storefront.payments.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hexagon, checked on the production classes of every module (the three functions bring them
 * all onto this module's classpath): dependencies point inward, adapters never reach each other, and
 * no two packages depend on each other in a cycle. A forbidden import anywhere fails the build.
 */
class ModuleDependencyRulesTest {

    private static final String ROOT = "kr.storefront.payments";
    private static final String DOMAIN = ROOT + ".core..";
    private static final String DYNAMODB_STORE = ROOT + ".store.dynamodb..";
    private static final String IAMPORT_CLIENT = ROOT + ".iamport.client..";
    private static final String SECRETS_AWS = ROOT + ".secrets.aws..";
    private static final String QUEUE_SQS = ROOT + ".queue.sqs..";
    private static final String SNAPSTART = ROOT + ".snapstart..";
    private static final String HTTP = ROOT + ".http..";
    private static final String CHECKOUT = ROOT + ".checkout..";
    private static final String VERIFY = ROOT + ".verify..";
    private static final String REBILL = ROOT + ".rebill..";

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void everyModuleIsOnTheClasspath() {
        // a rule over packages with no classes would pass for nothing
        for (String layer : new String[] {DOMAIN, DYNAMODB_STORE, IAMPORT_CLIENT, SECRETS_AWS, QUEUE_SQS, SNAPSTART, HTTP, CHECKOUT, VERIFY, REBILL}) {
            String prefix = layer.substring(0, layer.length() - 2) + ".";
            assertThat(production.stream().anyMatch(c -> c.getPackageName().concat(".").startsWith(prefix)))
                    .as("classes in %s", layer).isTrue();
        }
    }

    @Test
    void theDomainKnowsNoAdapterFrameworkOrTransport() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "software.amazon..", "com.amazonaws..", "org.apache.http..", "io.micronaut.http..",
                        "io.micronaut.function..", "io.micronaut.crac..", "org.crac..")
                .because("payments-domain holds the rules and the ports; AWS, HTTP and SnapStart live in adapters")
                .check(production);
    }

    @Test
    void dependenciesPointInward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("domain").definedBy(DOMAIN)
                .layer("dynamodb store").definedBy(DYNAMODB_STORE)
                .layer("i'mport client").definedBy(IAMPORT_CLIENT)
                .layer("secrets on AWS").definedBy(SECRETS_AWS)
                .layer("queue on SQS").definedBy(QUEUE_SQS)
                .layer("snapstart").definedBy(SNAPSTART)
                .layer("http").definedBy(HTTP)
                .layer("checkout").definedBy(CHECKOUT)
                .layer("verify").definedBy(VERIFY)
                .layer("rebill").definedBy(REBILL)
                .whereLayer("dynamodb store").mayOnlyBeAccessedByLayers("checkout", "verify", "rebill")
                .whereLayer("secrets on AWS").mayOnlyBeAccessedByLayers("checkout", "verify", "rebill")
                .whereLayer("queue on SQS").mayOnlyBeAccessedByLayers("rebill")
                .whereLayer("i'mport client").mayOnlyBeAccessedByLayers("snapstart", "checkout", "verify", "rebill")
                .whereLayer("snapstart").mayOnlyBeAccessedByLayers("http", "checkout", "verify", "rebill")
                .whereLayer("http").mayOnlyBeAccessedByLayers("checkout", "verify")
                .whereLayer("checkout").mayNotBeAccessedByAnyLayer()
                .whereLayer("verify").mayNotBeAccessedByAnyLayer()
                .whereLayer("rebill").mayNotBeAccessedByAnyLayer()
                .check(production);
    }

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(production);
    }
}
