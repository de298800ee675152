package io.palestra.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The gateway in front of four answering services; the tests extending this share one application context. */
@TestPropertySource(properties = "palestra.gateway.response-timeout=2s")
abstract class AllServicesUpTest extends GatewayTest {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        Services.allUp(registry);
    }
}
