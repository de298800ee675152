package io.palestra.local.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to run the platform. The command line builds one from arguments and environment; a test builds one with
 * {@link #defaults(Path)} and the {@code with...} methods, typically with {@link Ports#free()} and a temporary data
 * directory.
 *
 * @param projectRoot            the checkout holding {@code <module>/target/<module>.jar}
 * @param dataDirectory          where PostgreSQL, Kafka and the logs keep their files
 * @param freshData              wipe the data before starting
 * @param externalPostgresUrl    e.g. {@code jdbc:postgresql://db:5432/}; null runs the embedded server
 * @param externalKafkaBootstrap e.g. {@code kafka:9092}; null runs the embedded broker
 * @param serviceJavaOptions     JVM options added to every service's and the gateway's own
 * @param gateway                false leaves the gateway out, to work on the services alone
 * @param output                 receives every line the platform prints, one at a time
 * @param colors                 color the prefixes with ANSI codes, for a terminal
 */
public record Settings(Path projectRoot, Path dataDirectory, boolean freshData, Ports ports,
                       String externalPostgresUrl, String postgresUser, String postgresPassword,
                       String externalKafkaBootstrap, List<String> serviceJavaOptions, boolean gateway,
                       Consumer<String> output, boolean colors) {

    public Settings {
        Objects.requireNonNull(projectRoot, "projectRoot");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(output, "output");
        serviceJavaOptions = List.copyOf(serviceJavaOptions);
    }

    /** The platform as {@code ./palestra} runs it, from {@code projectRoot}, on the documented ports. */
    public static Settings defaults(Path projectRoot) {
        return new Settings(projectRoot, projectRoot.resolve(".palestra"), false, Ports.defaults(), null,
                "postgres", "postgres", null, List.of(), true, System.out::println, false);
    }

    public boolean embeddedPostgres() {
        return externalPostgresUrl == null;
    }

    public boolean embeddedKafka() {
        return externalKafkaBootstrap == null;
    }

    public Settings withDataDirectory(Path directory) {
        return new Settings(projectRoot, directory, freshData, ports, externalPostgresUrl, postgresUser,
                postgresPassword, externalKafkaBootstrap, serviceJavaOptions, gateway, output, colors);
    }

    public Settings withFreshData(boolean fresh) {
        return new Settings(projectRoot, dataDirectory, fresh, ports, externalPostgresUrl, postgresUser,
                postgresPassword, externalKafkaBootstrap, serviceJavaOptions, gateway, output, colors);
    }

    public Settings withPorts(Ports chosen) {
        return new Settings(projectRoot, dataDirectory, freshData, chosen, externalPostgresUrl, postgresUser,
                postgresPassword, externalKafkaBootstrap, serviceJavaOptions, gateway, output, colors);
    }

    public Settings withExternalPostgres(String serverUrl, String user, String password) {
        return new Settings(projectRoot, dataDirectory, freshData, ports, serverUrl, user, password,
                externalKafkaBootstrap, serviceJavaOptions, gateway, output, colors);
    }

    public Settings withExternalKafka(String bootstrapServers) {
        return new Settings(projectRoot, dataDirectory, freshData, ports, externalPostgresUrl, postgresUser,
                postgresPassword, bootstrapServers, serviceJavaOptions, gateway, output, colors);
    }

    public Settings withServiceJavaOptions(List<String> options) {
        return new Settings(projectRoot, dataDirectory, freshData, ports, externalPostgresUrl, postgresUser,
                postgresPassword, externalKafkaBootstrap, options, gateway, output, colors);
    }

    public Settings withGateway(boolean started) {
        return new Settings(projectRoot, dataDirectory, freshData, ports, externalPostgresUrl, postgresUser,
                postgresPassword, externalKafkaBootstrap, serviceJavaOptions, started, output, colors);
    }

    public Settings withOutput(Consumer<String> sink, boolean colored) {
        return new Settings(projectRoot, dataDirectory, freshData, ports, externalPostgresUrl, postgresUser,
                postgresPassword, externalKafkaBootstrap, serviceJavaOptions, gateway, sink, colored);
    }
}
