package io.palestra.test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layout rules every Palestra service keeps (docs/architecture.md, "Inside a service"), for its ArchUnit test. */
public final class ServiceArchitecture {

    private ServiceArchitecture() {
    }

    /** The service's own classes, tests left out, e.g. of {@code io.palestra.members}. */
    public static JavaClasses classesOf(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** Kafka, CloudEvents and the published contract are known only to the {@code integration} package. */
    public static ArchRule onlyTheIntegrationPackageKnowsKafkaAndThePublishedContract() {
        return noClasses().that().resideOutsideOfPackage("..integration..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                        "io.cloudevents..", "io.palestra.events..", "io.palestra.platform.relay..",
                        "io.palestra.platform.inbox..");
    }

    /** The service's features (its top-level packages) do not depend on each other in cycles. */
    public static ArchRule featuresAreFreeOfCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles();
    }

    /** Controllers send commands and queries: they use no JDBC and load no aggregate themselves. */
    public static ArchRule controllersTalkToGatewaysNotToRepositoriesOrTables() {
        return noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..",
                        "org.axonframework.modelling.command..")
                .allowEmptyShould(false);
    }
}
