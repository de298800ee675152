package io.palestra.platform.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.core.env.PropertiesPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds {@code palestra-defaults.properties} as the last property source of every service, so that a service's own
 * {@code application.yml} stays short and anything can still be overridden.
 */
public class PalestraDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "palestra-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        try {
            environment.getPropertySources().addLast(new PropertiesPropertySource(SOURCE_NAME,
                    PropertiesLoaderUtils.loadProperties(new ClassPathResource("palestra-defaults.properties"))));
        } catch (IOException e) {
            throw new UncheckedIOException("platform-kit's palestra-defaults.properties is missing", e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
