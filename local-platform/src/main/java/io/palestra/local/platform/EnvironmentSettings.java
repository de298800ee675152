package io.palestra.local.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Reads the {@code PALESTRA_*} variables of the launcher into {@link Settings}. */
final class EnvironmentSettings {

    private EnvironmentSettings() {
    }

    static Settings read(Settings defaults, Map<String, String> environment) throws UsageException {
        Settings settings = defaults;
        String dataDirectory = present(environment, "PALESTRA_DATA_DIR");
        if (dataDirectory != null) {
            settings = settings.withDataDirectory(settings.projectRoot().resolve(dataDirectory));
        }
        settings = settings.withPorts(ports(settings.ports(), environment));
        String postgresUrl = present(environment, "PALESTRA_POSTGRES_URL");
        if (postgresUrl != null) {
            if (!postgresUrl.startsWith("jdbc:postgresql://")) {
                throw new UsageException("PALESTRA_POSTGRES_URL must be a JDBC URL of the server, e.g. "
                        + "jdbc:postgresql://db:5432/, got '" + postgresUrl + "'");
            }
            settings = settings.withExternalPostgres(postgresUrl.endsWith("/") ? postgresUrl : postgresUrl + "/",
                    environment.getOrDefault("PALESTRA_POSTGRES_USER", settings.postgresUser()),
                    environment.getOrDefault("PALESTRA_POSTGRES_PASSWORD", settings.postgresPassword()));
        }
        String kafka = present(environment, "PALESTRA_KAFKA_BOOTSTRAP");
        if (kafka != null) {
            settings = settings.withExternalKafka(kafka);
        }
        return settings.withServiceJavaOptions(words(environment.get("PALESTRA_SERVICE_JAVA_OPTS")));
    }

    private static Ports ports(Ports ports, Map<String, String> environment) throws UsageException {
        Ports chosen = ports
                .withGateway(port(environment, "PALESTRA_GATEWAY_PORT", ports.gateway()))
                .withIssuer(port(environment, "PALESTRA_ISSUER_PORT", ports.issuer()))
                .withPostgres(port(environment, "PALESTRA_POSTGRES_PORT", ports.postgres()))
                .withKafka(port(environment, "PALESTRA_KAFKA_PORT", ports.kafka()));
        if (chosen.kafka() == 65535) {
            throw new UsageException("PALESTRA_KAFKA_PORT must leave the next port for the Kafka controller");
        }
        for (Service service : Service.values()) {
            chosen = chosen.withService(service,
                    port(environment, service.portVariable(), ports.service(service)));
        }
        return chosen;
    }

    private static int port(Map<String, String> environment, String variable, int fallback) throws UsageException {
        String value = present(environment, variable);
        return value == null ? fallback : CommandLine.port(value, variable);
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }

    /** An empty variable counts as unset, as in {@code PALESTRA_POSTGRES_URL= ./palestra}. */
    private static String present(Map<String, String> environment, String variable) {
        String value = environment.get(variable);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
