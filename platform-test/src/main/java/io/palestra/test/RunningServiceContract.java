package io.palestra.test;

import io.palestra.local.issuer.TokenRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every Palestra service guarantees once started, checked against a real PostgreSQL and a real Kafka broker:
 * a service's integration test class extends it ({@code class BookingServiceIT extends RunningServiceContract {}}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = InfrastructureInitializer.class)
public abstract class RunningServiceContract {

    @LocalServerPort
    protected int port;
    @Autowired
    protected DataSource dataSource;
    @Value("${spring.application.name}")
    protected String serviceName;

    protected Http http() {
        return new Http("http://localhost:" + port);
    }

    @Test
    void isReadyWithItsDatabaseAndKafkaUp() {
        Http.Response health = http().get("/actuator/health").send();
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        JsonNode components = health.json().get("components");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("kafka").get("status").asString()).isEqualTo("UP");
        assertThat(http().get("/actuator/health/readiness").send().status()).isEqualTo(200);
        assertThat(http().get("/actuator/health/liveness").send().status()).isEqualTo(200);
    }

    @Test
    void keepsItsEventStoreTokensInboxAndIdempotencyKeysInItsOwnDatabase() throws SQLException {
        assertThat(tables()).contains("domainevententry", "snapshotevententry", "tokenentry", "sagaentry",
                "deadletterentry", "inbox_handled_event", "idempotency_record");
    }

    @Test
    void exposesPrometheusMetricsTaggedWithItsName() {
        Http.Response metrics = http().get("/actuator/prometheus").send();
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("application=\"" + serviceName + "\"")
                .contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void refusesACallWithoutTokenWithAProblem() {
        Http.Response answer = http().get("/api/v1/anything").send();
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.json().get("code").asString()).isEqualTo("unauthorized");
    }

    @Test
    void answersAnUnknownPathWithAProblem() {
        String token = TestInfrastructure.tokens().sign(TokenRequest.staff(UUID.randomUUID(), "manager", "alice"));
        Http.Response answer = http().get("/api/v1/nothing-here").token(token).send();
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("code").asString()).isEqualTo("unknown-path");
    }

    @Test
    void describesItsApiInOpenApi() {
        Http.Response docs = http().get("/v3/api-docs").send();
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("openapi").asString()).startsWith("3.");
        assertThat(docs.json().get("components").get("securitySchemes").has("bearer")).isTrue();
    }

    private List<String> tables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.getMetaData().getTables(null, "public", "%", new String[]{"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        return tables;
    }
}
