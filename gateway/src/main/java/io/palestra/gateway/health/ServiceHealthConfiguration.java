package io.palestra.gateway.health;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import java.util.Map;

/**
 * One health indicator per entry of {@code palestra.gateway.services}, registered under the service's name so the
 * health page shows {@code members-service}, {@code booking-service}... as components of their own.
 */
@Configuration(proxyBeanMethods = false)
@Import(ServiceHealthConfiguration.Indicators.class)
class ServiceHealthConfiguration {

    static class Indicators implements BeanRegistrar {

        @Override
        public void register(BeanRegistry registry, Environment environment) {
            Map<String, String> services = Binder.get(environment)
                    .bind("palestra.gateway.services", Bindable.mapOf(String.class, String.class))
                    .orElse(Map.of());
            services.forEach((name, url) -> registry.registerBean(name, ServiceHealthIndicator.class,
                    indicator -> indicator.supplier(context -> new ServiceHealthIndicator(url))));
        }
    }
}
