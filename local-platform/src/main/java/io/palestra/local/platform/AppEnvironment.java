package io.palestra.local.platform;

import io.palestra.local.issuer.DevTokenIssuer;

import java.util.HashMap;
import java.util.Map;

/** The variables that wire each Spring Boot process to the rest of the local platform. */
final class AppEnvironment {

    private AppEnvironment() {
    }

    static BootApp service(Service service, Settings settings, Infrastructure infrastructure) {
        PostgresServer postgres = infrastructure.postgres();
        Map<String, String> environment = common(service.label(), settings.ports().service(service), settings,
                infrastructure.issuer());
        environment.put("PALESTRA_DB_URL", postgres.serverUrl() + service.database());
        environment.put("PALESTRA_DB_USER", postgres.user());
        environment.put("PALESTRA_DB_PASSWORD", postgres.password());
        environment.put("PALESTRA_KAFKA_BOOTSTRAP", infrastructure.kafka().bootstrapServers());
        return new BootApp(service.label(), service.module(), settings.ports().service(service), environment);
    }

    static BootApp gateway(Settings settings, DevTokenIssuer issuer) {
        Map<String, String> environment = common(Gateway.LABEL, settings.ports().gateway(), settings, issuer);
        for (Service service : Service.values()) {
            environment.put(service.gatewayVariable(), "http://localhost:" + settings.ports().service(service));
        }
        // Only the local platform sets this: it lets the gateway hand out development tokens at /dev/token.
        environment.put("PALESTRA_DEV_ISSUER_URL", issuer.issuer());
        return new BootApp(Gateway.LABEL, Gateway.MODULE, settings.ports().gateway(), environment);
    }

    private static Map<String, String> common(String label, int port, Settings settings, DevTokenIssuer issuer) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("PALESTRA_JWT_ISSUER_URI", issuer.issuer());
        environment.put("PALESTRA_JWT_JWK_SET_URI", issuer.jwkSetUri());
        // Plain lines on the console, where a developer reads them; JSON lines in the file, for tools.
        environment.put("PALESTRA_LOG_FORMAT", "");
        environment.put("LOGGING_FILE_NAME", logFile(settings, label));
        environment.put("LOGGING_STRUCTURED_FORMAT_FILE", "ecs");
        // Five ASCII-art banners would push the useful lines out of sight.
        environment.put("SPRING_MAIN_BANNER_MODE", "off");
        return environment;
    }

    static String logFile(Settings settings, String label) {
        return settings.dataDirectory().resolve("logs").resolve(label + ".json").toString();
    }
}
