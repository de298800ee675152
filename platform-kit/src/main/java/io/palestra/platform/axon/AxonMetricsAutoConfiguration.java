package io.palestra.platform.axon;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Axon's message metrics ({@code axon_*}: commands, queries, events per processor, latency, capacity) in the
 * service's real meter registry. Axon's own auto-configuration orders itself after Spring Boot 3's registry classes,
 * which Boot 4 renamed, and would otherwise register them in a private registry nobody scrapes.
 */
@AutoConfiguration(
        after = {MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                PrometheusMetricsExportAutoConfiguration.class},
        before = {MicrometerMetricsAutoConfiguration.class, AxonAutoConfiguration.class})
@ConditionalOnBean(MeterRegistry.class)
public class AxonMetricsAutoConfiguration {

    @Bean
    GlobalMetricRegistry globalMetricRegistry(MeterRegistry meters) {
        return new GlobalMetricRegistry(meters);
    }

    @Bean
    MetricsConfigurerModule metricsConfigurerModule(GlobalMetricRegistry registry) {
        return new MetricsConfigurerModule(registry, true);
    }
}
