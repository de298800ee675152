package io.palestra.local.platform;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {

    private static final Path ROOT = Path.of("/work/palestra");

    @Test
    void runsEverythingEmbeddedOnTheDocumentedPortsByDefault() throws UsageException {
        Settings settings = parse(List.of(), Map.of());

        assertThat(settings.projectRoot()).isEqualTo(ROOT);
        assertThat(settings.dataDirectory()).isEqualTo(ROOT.resolve(".palestra"));
        assertThat(settings.freshData()).isFalse();
        assertThat(settings.embeddedPostgres()).isTrue();
        assertThat(settings.embeddedKafka()).isTrue();
        assertThat(settings.gateway()).isTrue();
        assertThat(settings.ports()).isEqualTo(Ports.defaults());
        assertThat(settings.ports().kafkaController()).isEqualTo(19093);
    }

    @Test
    void readsTheOptions() throws UsageException {
        Settings settings = parse(List.of("--fresh", "--data-dir", "/tmp/p", "--gateway-port", "9080"), Map.of());

        assertThat(settings.freshData()).isTrue();
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/tmp/p"));
        assertThat(settings.ports().gateway()).isEqualTo(9080);
    }

    @Test
    void acceptsOptionValuesAfterAnEqualSign() throws UsageException {
        Settings settings = parse(List.of("--data-dir=/tmp/p", "--gateway-port=9080"), Map.of());

        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/tmp/p"));
        assertThat(settings.ports().gateway()).isEqualTo(9080);
    }

    @Test
    void takesARelativeDataDirectoryFromTheProject() throws UsageException {
        assertThat(parse(List.of("--data-dir", "demo"), Map.of()).dataDirectory()).isEqualTo(ROOT.resolve("demo"));
    }

    @Test
    void optionsWinOverTheEnvironment() throws UsageException {
        Settings settings = parse(List.of("--gateway-port", "9100", "--data-dir", "/from/option"),
                Map.of("PALESTRA_GATEWAY_PORT", "9000", "PALESTRA_DATA_DIR", "/from/variable"));

        assertThat(settings.ports().gateway()).isEqualTo(9100);
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/from/option"));
    }

    @Test
    void movesEveryPortWithItsVariable() throws UsageException {
        Ports ports = parse(List.of(), Map.of("PALESTRA_GATEWAY_PORT", "9080", "PALESTRA_ISSUER_PORT", "9089",
                "PALESTRA_POSTGRES_PORT", "25432", "PALESTRA_KAFKA_PORT", "29092",
                "PALESTRA_BILLING_PORT", "9084")).ports();

        assertThat(ports.gateway()).isEqualTo(9080);
        assertThat(ports.issuer()).isEqualTo(9089);
        assertThat(ports.postgres()).isEqualTo(25432);
        assertThat(ports.kafka()).isEqualTo(29092);
        assertThat(ports.kafkaController()).isEqualTo(29093);
        assertThat(ports.service(Service.BILLING)).isEqualTo(9084);
        assertThat(ports.service(Service.MEMBERS)).isEqualTo(8081);
    }

    @Test
    void usesAnExternalPostgresAndKafkaWhenGiven() throws UsageException {
        Settings settings = parse(List.of(), Map.of("PALESTRA_POSTGRES_URL", "jdbc:postgresql://db:5432",
                "PALESTRA_POSTGRES_USER", "palestra", "PALESTRA_POSTGRES_PASSWORD", "secret",
                "PALESTRA_KAFKA_BOOTSTRAP", "kafka:9092"));

        assertThat(settings.embeddedPostgres()).isFalse();
        assertThat(settings.externalPostgresUrl()).isEqualTo("jdbc:postgresql://db:5432/");
        assertThat(settings.postgresUser()).isEqualTo("palestra");
        assertThat(settings.postgresPassword()).isEqualTo("secret");
        assertThat(settings.embeddedKafka()).isFalse();
        assertThat(settings.externalKafkaBootstrap()).isEqualTo("kafka:9092");
    }

    @Test
    void treatsAnEmptyVariableAsUnset() throws UsageException {
        Settings settings = parse(List.of(), Map.of("PALESTRA_POSTGRES_URL", "", "PALESTRA_GATEWAY_PORT", " "));

        assertThat(settings.embeddedPostgres()).isTrue();
        assertThat(settings.ports().gateway()).isEqualTo(8080);
    }

    @Test
    void splitsTheServiceJavaOptions() throws UsageException {
        Settings settings = parse(List.of(), Map.of("PALESTRA_SERVICE_JAVA_OPTS", " -Xmx512m  -Dx=y "));

        assertThat(settings.serviceJavaOptions()).containsExactly("-Xmx512m", "-Dx=y");
    }

    @Test
    void leavesTheGatewayOutWhenAsked() throws UsageException {
        assertThat(parse(List.of("--without-gateway"), Map.of()).gateway()).isFalse();
    }

    @Test
    void answersHelpWithoutLookingForTheProject() throws UsageException {
        CommandLine.Invocation invocation = CommandLine.parse(List.of("--fresh", "--help"), Map.of(), () -> {
            throw new IllegalStateException("not needed for help");
        });

        assertThat(invocation.help()).isTrue();
    }

    @Test
    void rejectsAnUnknownOption() {
        assertThatThrownBy(() -> parse(List.of("--frsh"), Map.of()))
                .isInstanceOf(UsageException.class).hasMessage("Unknown option '--frsh'");
    }

    @Test
    void rejectsAnOptionWithoutItsValue() {
        assertThatThrownBy(() -> parse(List.of("--data-dir"), Map.of()))
                .isInstanceOf(UsageException.class).hasMessage("--data-dir needs a directory");
        assertThatThrownBy(() -> parse(List.of("--gateway-port", "--fresh"), Map.of()))
                .isInstanceOf(UsageException.class).hasMessage("--gateway-port needs a port number");
    }

    @Test
    void rejectsAPortThatIsNotOne() {
        assertThatThrownBy(() -> parse(List.of("--gateway-port", "80a"), Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("--gateway-port needs a port number between 1 and 65535, got '80a'");
        assertThatThrownBy(() -> parse(List.of(), Map.of("PALESTRA_KAFKA_PORT", "70000")))
                .isInstanceOf(UsageException.class)
                .hasMessage("PALESTRA_KAFKA_PORT needs a port number between 1 and 65535, got '70000'");
    }

    @Test
    void rejectsAPostgresUrlThatIsNotJdbc() {
        assertThatThrownBy(() -> parse(List.of(), Map.of("PALESTRA_POSTGRES_URL", "postgres://db:5432")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("PALESTRA_POSTGRES_URL must be a JDBC URL");
    }

    private static Settings parse(List<String> args, Map<String, String> environment) throws UsageException {
        CommandLine.Invocation invocation = CommandLine.parse(args, environment, () -> ROOT);
        assertThat(invocation.help()).isFalse();
        return invocation.settings();
    }
}
