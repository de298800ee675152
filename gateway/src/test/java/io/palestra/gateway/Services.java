package io.palestra.gateway;

import io.palestra.test.TestInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The stand-ins for the four services, shared by every test context of the JVM. */
final class Services {

    static final ServiceStub MEMBERS = ServiceStub.start("members-service");
    static final ServiceStub SUBSCRIPTIONS = ServiceStub.start("subscription-service");
    static final ServiceStub BOOKINGS = ServiceStub.start("booking-service");
    static final ServiceStub BILLING = ServiceStub.start("billing-service");

    private Services() {
    }

    /** Points the gateway at the stubs and the test token issuer. */
    static void allUp(DynamicPropertyRegistry registry) {
        trustTestIssuer(registry);
        registry.add("palestra.gateway.services.members-service", MEMBERS::url);
        registry.add("palestra.gateway.services.subscription-service", SUBSCRIPTIONS::url);
        registry.add("palestra.gateway.services.booking-service", BOOKINGS::url);
        registry.add("palestra.gateway.services.billing-service", BILLING::url);
    }

    static void trustTestIssuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> TestInfrastructure.tokens().issuer());
    }

    /** A URL where nothing listens: connections are refused. */
    static String closedPort() {
        return "http://127.0.0.1:" + TestInfrastructure.freePort();
    }
}
