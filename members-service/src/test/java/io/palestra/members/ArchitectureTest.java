package io.palestra.members;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.palestra.test.ServiceArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ServiceArchitecture.classesOf("io.palestra.members");
    }

    @Test
    void onlyTheIntegrationPackageKnowsKafkaAndThePublishedContract() {
        ServiceArchitecture.onlyTheIntegrationPackageKnowsKafkaAndThePublishedContract().check(classes);
    }

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        ServiceArchitecture.featuresAreFreeOfCycles("io.palestra.members").check(classes);
    }

    @Test
    void theOrganisationFeatureKnowsNothingOfMembers() {
        noClasses().that().resideInAPackage("..members.organization..")
                .should().dependOnClassesThat().resideInAPackage("..members.member..")
                .check(classes);
    }

    @Test
    void controllersTalkToGatewaysNotToRepositoriesOrTables() {
        ServiceArchitecture.controllersTalkToGatewaysNotToRepositoriesOrTables().check(classes);
    }
}
