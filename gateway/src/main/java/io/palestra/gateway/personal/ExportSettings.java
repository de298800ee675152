package io.palestra.gateway.personal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.Map;

/**
 * What the personal data export needs of the gateway's configuration.
 *
 * @param services        every service's base URL, by name: each one is asked for its part
 * @param responseTimeout how long a service may take to answer its part
 * @param maxExportSize   the largest part a service may answer
 */
@ConfigurationProperties("palestra.gateway")
record ExportSettings(Map<String, String> services,
                      @DefaultValue("10s") Duration responseTimeout,
                      @DefaultValue("32MB") DataSize maxExportSize) {

    ExportSettings {
        services = services == null ? Map.of() : services;
    }
}
