package io.palestra.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The one HTTP entry point of Palestra: routes {@code /api/v1/<resource>} to the owning service, checks the caller's
 * token, limits rates and body sizes, and answers its own failures as problem details. Routes live in
 * {@code application.yml}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
