package io.palestra.test;

import io.palestra.local.issuer.DevTokenIssuer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

import java.util.Map;

/**
 * Points a Spring application under test at the shared test infrastructure: a fresh database of its own on the test
 * PostgreSQL, the test Kafka broker, and the test token issuer. Use it with
 * {@code @ContextConfiguration(initializers = InfrastructureInitializer.class)} next to {@code @SpringBootTest}.
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String PALESTRA_DEFAULTS = "palestra-defaults";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Postgres postgres = TestInfrastructure.postgres();
        String name = context.getEnvironment().getProperty("spring.application.name", "test");
        String database = TestInfrastructure.createDatabase(name);
        DevTokenIssuer tokens = TestInfrastructure.tokens();
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        MapPropertySource infrastructure = new MapPropertySource("palestra-test-infrastructure",
                Map.of("spring.datasource.url", postgres.jdbcUrl(database),
                        "spring.datasource.username", postgres.user(),
                        "spring.datasource.password", postgres.password(),
                        "spring.kafka.bootstrap-servers", TestInfrastructure.kafkaBootstrapServers(),
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri", tokens.issuer(),
                        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", tokens.jwkSetUri()));
        // Below the test's own properties (@DynamicPropertySource, @SpringBootTest(properties)) and the service's
        // application.yml, above platform-kit's defaults.
        if (sources.contains(PALESTRA_DEFAULTS)) {
            sources.addBefore(PALESTRA_DEFAULTS, infrastructure);
        } else {
            sources.addLast(infrastructure);
        }
    }
}
