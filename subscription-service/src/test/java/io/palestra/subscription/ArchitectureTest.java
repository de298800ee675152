package io.palestra.subscription;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.palestra.subscription");
    }

    @Test
    void onlyTheIntegrationPackageKnowsKafkaAndThePublishedContract() {
        noClasses().that().resideOutsideOfPackage("..subscription.integration..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..",
                        "io.cloudevents..", "io.palestra.events..", "io.palestra.platform.relay..",
                        "io.palestra.platform.inbox..")
                .check(classes);
    }

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching("io.palestra.subscription.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void controllersTalkToGatewaysNotToRepositoriesOrTables() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..",
                        "org.axonframework.modelling.command..")
                .allowEmptyShould(false)
                .check(classes);
    }
}
