package io.palestra.booking;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.palestra.test.ServiceArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ServiceArchitecture.classesOf("io.palestra.booking");
    }

    @Test
    void onlyTheIntegrationPackageKnowsKafkaAndThePublishedContract() {
        ServiceArchitecture.onlyTheIntegrationPackageKnowsKafkaAndThePublishedContract().check(classes);
    }

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        ServiceArchitecture.featuresAreFreeOfCycles("io.palestra.booking").check(classes);
    }

    @Test
    void controllersTalkToGatewaysNotToRepositoriesOrTables() {
        ServiceArchitecture.controllersTalkToGatewaysNotToRepositoriesOrTables().check(classes);
    }
}
