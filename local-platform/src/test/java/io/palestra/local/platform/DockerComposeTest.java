package io.palestra.local.platform;

import io.palestra.local.issuer.DevTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot run here (no Docker), so this keeps it in step with the local platform by reading it:
 * the same services, wired with the same environment variables, every one of them documented in the README.
 */
class DockerComposeTest {

    /** What only the local platform sets: its log files, its quieter console, its development token route. */
    private static final Set<String> LOCAL_ONLY = Set.of("LOGGING_FILE_NAME", "LOGGING_STRUCTURED_FORMAT_FILE",
            "SPRING_MAIN_BANNER_MODE", "PALESTRA_DEV_ISSUER_URL");
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private static Map<String, Map<String, Object>> services;
    private static Infrastructure infrastructure;
    private static Settings settings;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            services = (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(reader).get("services");
        }
        settings = Settings.defaults(ROOT).withExternalPostgres("jdbc:postgresql://postgres:5432/", "postgres", "x")
                .withExternalKafka("kafka:9092");
        infrastructure = new Infrastructure(PostgresServer.start(settings),
                KafkaServer.prepare(settings, line -> { }), DevTokenIssuer.start(0));
    }

    @AfterAll
    static void close() {
        infrastructure.issuer().close();
    }

    @Test
    void composesEveryServiceWithTheVariablesTheLauncherPasses() {
        for (Service service : Service.values()) {
            Map<String, String> composed = environment(service.module());
            Set<String> launched = new HashSet<>(AppEnvironment.service(service, settings, infrastructure)
                    .environment().keySet());
            launched.removeAll(LOCAL_ONLY);

            assertThat(composed.keySet()).as(service.module()).containsExactlyInAnyOrderElementsOf(launched);
            assertThat(composed.get("SERVER_PORT")).isEqualTo(Integer.toString(service.defaultPort()));
            assertThat(composed.get("PALESTRA_DB_URL")).endsWith("/" + service.database());
            assertThat(build(service.module())).containsEntry("args", Map.of("MODULE", service.module()));
        }
    }

    @Test
    void composesTheGatewayLikeTheLauncherButNeverWithTheDevelopmentIssuer() {
        Map<String, String> composed = environment(Gateway.MODULE);
        Set<String> launched = new HashSet<>(AppEnvironment.gateway(settings, infrastructure.issuer())
                .environment().keySet());
        launched.removeAll(LOCAL_ONLY);

        assertThat(composed.keySet()).containsExactlyInAnyOrderElementsOf(launched);
        assertThat(composed).doesNotContainKey("PALESTRA_DEV_ISSUER_URL");
        for (Service service : Service.values()) {
            assertThat(composed.get(service.gatewayVariable()))
                    .isEqualTo("http://" + service.module() + ":" + service.defaultPort());
        }
    }

    @Test
    void createsEveryServicesDatabaseAndScrapesEveryProcess() throws IOException {
        String init = Files.readString(ROOT.resolve("docker/postgres-init.sql"));
        String prometheus = Files.readString(ROOT.resolve("docker/prometheus.yml"));
        for (Service service : Service.values()) {
            assertThat(init).contains("CREATE DATABASE " + service.database() + ";");
            assertThat(prometheus).contains("names: [" + service.module() + "]");
        }
        assertThat(prometheus).contains("names: [gateway]");
        assertThat(services).containsKeys("postgres", "kafka", "oidc", "prometheus");
    }

    @Test
    void documentsInTheReadmeEveryVariableThatConfiguresPalestra() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Set<String> variables = new TreeSet<>();
        services.keySet().forEach(name -> variables.addAll(environment(name).keySet()));
        for (String source : List.of("local-platform/src/main/java/io/palestra/local/platform/CommandLine.java",
                "local-platform/src/main/java/io/palestra/local/platform/EnvironmentSettings.java",
                "platform-kit/src/main/resources/palestra-defaults.properties",
                "gateway/src/main/resources/application.yml")) {
            Matcher mentioned = Pattern.compile("PALESTRA_[A-Z_]+").matcher(Files.readString(ROOT.resolve(source)));
            while (mentioned.find()) {
                variables.add(mentioned.group());
            }
        }
        for (Service service : Service.values()) {
            variables.add(service.portVariable());
        }
        variables.removeIf(variable -> !variable.startsWith("PALESTRA_"));

        assertThat(variables).isNotEmpty().allSatisfy(variable -> assertThat(readme).as(variable).contains(variable));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String service) {
        Map<String, Object> environment = (Map<String, Object>) services.get(service).getOrDefault("environment",
                Map.of());
        Map<String, String> values = new LinkedHashMap<>();
        environment.forEach((key, value) -> values.put(key, String.valueOf(value)));
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> build(String service) {
        return (Map<String, Object>) services.get(service).get("build");
    }
}
