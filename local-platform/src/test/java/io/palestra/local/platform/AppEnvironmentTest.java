package io.palestra.local.platform;

import io.palestra.local.issuer.DevTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AppEnvironmentTest {

    private static DevTokenIssuer issuer;

    private final Settings settings = Settings.defaults(Path.of("/p"))
            .withDataDirectory(Path.of("/data"))
            .withExternalPostgres("jdbc:postgresql://db:5432/", "palestra", "secret")
            .withExternalKafka("kafka:9092")
            .withPorts(Ports.defaults().withService(Service.BOOKINGS, 9083));

    @BeforeAll
    static void startIssuer() {
        issuer = DevTokenIssuer.start(0);
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @Test
    void wiresAServiceToItsOwnDatabaseKafkaAndTheIssuer() {
        BootApp bookings = AppEnvironment.service(Service.BOOKINGS, settings, infrastructure());

        assertThat(bookings.jar(Path.of("/p"))).isEqualTo(Path.of("/p/booking-service/target/booking-service.jar"));
        assertThat(bookings.readiness()).hasToString("http://localhost:9083/actuator/health/readiness");
        assertThat(bookings.environment())
                .containsEntry("SERVER_PORT", "9083")
                .containsEntry("PALESTRA_DB_URL", "jdbc:postgresql://db:5432/bookings")
                .containsEntry("PALESTRA_DB_USER", "palestra")
                .containsEntry("PALESTRA_DB_PASSWORD", "secret")
                .containsEntry("PALESTRA_KAFKA_BOOTSTRAP", "kafka:9092")
                .containsEntry("PALESTRA_JWT_ISSUER_URI", issuer.issuer())
                .containsEntry("PALESTRA_JWT_JWK_SET_URI", issuer.jwkSetUri());
    }

    @Test
    void logsPlainLinesToTheConsoleAndJsonToAFile() {
        BootApp members = AppEnvironment.service(Service.MEMBERS, settings, infrastructure());

        assertThat(members.environment())
                .containsEntry("PALESTRA_LOG_FORMAT", "")
                .containsEntry("LOGGING_FILE_NAME", "/data/logs/members.json")
                .containsEntry("LOGGING_STRUCTURED_FORMAT_FILE", "ecs");
    }

    /** External PostgreSQL and Kafka: nothing starts, nothing is connected to. */
    private Infrastructure infrastructure() {
        return new Infrastructure(PostgresServer.start(settings), KafkaServer.prepare(settings, line -> { }), issuer);
    }

    @Test
    void pointsTheGatewayAtEveryServiceAndTheDevelopmentIssuer() {
        BootApp gateway = AppEnvironment.gateway(settings, issuer);

        assertThat(gateway.jar(Path.of("/p"))).isEqualTo(Path.of("/p/gateway/target/gateway.jar"));
        assertThat(gateway.environment())
                .containsEntry("SERVER_PORT", "8080")
                .containsEntry("PALESTRA_MEMBERS_URL", "http://localhost:8081")
                .containsEntry("PALESTRA_SUBSCRIPTIONS_URL", "http://localhost:8082")
                .containsEntry("PALESTRA_BOOKINGS_URL", "http://localhost:9083")
                .containsEntry("PALESTRA_BILLING_URL", "http://localhost:8084")
                .containsEntry("PALESTRA_DEV_ISSUER_URL", issuer.issuer())
                .containsEntry("PALESTRA_JWT_ISSUER_URI", issuer.issuer())
                .containsEntry("LOGGING_FILE_NAME", "/data/logs/gateway.json");
    }
}
