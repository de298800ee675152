package io.palestra.e2e;

import io.palestra.events.EventTypes;
import io.palestra.events.members.MemberRegistered;
import io.palestra.local.platform.LocalPlatform;
import io.palestra.local.platform.Ports;
import io.palestra.local.platform.RunningPlatform;
import io.palestra.local.platform.Settings;
import io.palestra.test.Http;
import io.palestra.test.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.palestra.test.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole platform, started as {@code ./palestra} starts it (real PostgreSQL, a Kafka broker process, the four
 * services and the gateway as separate processes), used through the gateway only, as a club's staff and an
 * integrator would.
 */
class WholePlatformIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RunningPlatform platform;
    private static PrintWriter log;
    private static Http gateway;
    private static UUID organization;
    private static UUID lyon;
    private static UUID paris;

    @BeforeAll
    static void startThePlatformAndSetUpAChain() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path data = Files.createTempDirectory("palestra-e2e");
        log = new PrintWriter(Files.newBufferedWriter(Path.of("target", "whole-platform.log")), true);
        platform = LocalPlatform.start(Settings.defaults(root).withDataDirectory(data).withFreshData(true)
                .withPorts(Ports.free()).withOutput(log::println, false));
        gateway = new Http(platform.gatewayUrl());

        Http.Response created = gateway.post("/api/v1/organizations", """
                {"name": "Urban Move", "currency": "EUR", "timeZone": "Europe/Paris", "locale": "fr-FR",
                 "sites": [{"name": "Lyon", "timeZone": "Europe/Paris"}, {"name": "Paris", "timeZone": "Europe/Paris"}]}
                """).token(token("{\"roles\": [\"platform-admin\"], \"subject\": \"root\"}")).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        organization = UUID.fromString(created.json().get("id").asString());
        lyon = UUID.fromString(created.json().get("sites").get(0).get("id").asString());
        paris = UUID.fromString(created.json().get("sites").get(1).get("id").asString());
    }

    @AfterAll
    static void stopThePlatform() {
        if (platform != null) {
            platform.close();
        }
        if (log != null) {
            log.close();
        }
    }

    @Test
    void aManagerRegistersAMemberReadsItAtOnceAndFindsItWithoutAccentsOrCase() {
        String manager = staffToken("manager");
        Http.Response registered = gateway.post("/api/v1/members", """
                {"siteId": "%s", "firstName": "Hélène", "lastName": "Lefèvre", "email": "helene@example.org",
                 "phone": "06 12 34 56 78", "birthDate": "1991-04-17", "gender": "female"}""".formatted(lyon))
                .token(manager).send();
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String member = registered.json().get("id").asString();
        assertThat(registered.header("Location")).contains("/api/v1/members/" + member);
        assertThat(registered.header("ETag")).contains("\"0\"");

        Http.Response read = gateway.get("/api/v1/members/" + member).token(manager).send();
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("phone").asString()).isEqualTo("+33612345678");

        assertThat(lastNames(gateway.get("/api/v1/members?q=HELENE%20lefevre").token(manager).send()))
                .containsExactly("Lefèvre");
    }

    @Test
    void anAnalyticsConsumerReadsTheRegistrationAsACloudEvent() {
        String member = register("Ana", "Lytics", "\"birthDate\": \"1985-02-03\"").json().get("id").asString();

        try (TopicReader events = new TopicReader(platform.kafkaBootstrapServers(), "palestra.members.events")) {
            ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(60)).until(
                    () -> events.matching(candidate -> member.equals(candidate.key())), found -> !found.isEmpty()).get(0);

            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_type")).isEqualTo("palestra.members.MemberRegistered.v1");
            assertThat(header(record, "ce_source")).isEqualTo("/palestra/members");
            assertThat(header(record, "ce_subject")).isEqualTo(member);
            assertThat(header(record, "ce_organizationid")).isEqualTo(organization.toString());
            assertThat(header(record, "ce_sequence")).isEqualTo("0");
            assertThat(header(record, "ce_id")).isNotBlank();
            assertThat(header(record, "ce_correlationid")).isNotBlank();
            assertThat(header(record, "content-type")).isEqualTo("application/json");
            assertThat(OffsetDateTime.parse(header(record, "ce_time"))).isNotNull();
            Object event = JSON.readValue(record.value(),
                    EventTypes.classOf(header(record, "ce_type")).orElseThrow());
            assertThat(event).isInstanceOfSatisfying(MemberRegistered.class, registered -> {
                assertThat(registered.birthYear()).isEqualTo(1985);
                assertThat(registered.siteId()).isEqualTo(lyon);
            });
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("Lytics");
        }
    }

    @Test
    void anotherOrganisationGetsNotFoundAndSeesNothingInLists() {
        String member = register("Private", "Person", "").json().get("id").asString();
        String stranger = token("{\"organizationId\": \"" + UUID.randomUUID()
                + "\", \"roles\": [\"owner\"], \"subject\": \"mallory\"}");

        Http.Response read = gateway.get("/api/v1/members/" + member).token(stranger).send();
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.json().get("code").asString()).isEqualTo("member-not-found");
        assertThat(gateway.get("/api/v1/members?q=private").token(stranger).send().json().get("items")).isEmpty();
        assertThat(gateway.get("/api/v1/organizations/" + organization).token(stranger).send().status())
                .isEqualTo(404);
    }

    @Test
    void aSiteRestrictedDeskSeesOnlyItsSite() {
        register("Paul", "Parisien", "\"siteId\": \"" + paris + "\"");
        String lyonDesk = token("{\"organizationId\": \"" + organization + "\", \"siteIds\": [\"" + lyon
                + "\"], \"roles\": [\"front-desk\"], \"subject\": \"lea\"}");

        assertThat(lastNames(gateway.get("/api/v1/members?q=parisien").token(lyonDesk).send())).isEmpty();
        assertThat(lastNames(gateway.get("/api/v1/members?q=parisien").token(staffToken("manager")).send()))
                .containsExactly("Parisien");
    }

    @Test
    void noTokenIsUnauthorized() {
        Http.Response answer = gateway.get("/api/v1/members").send();
        assertProblem(answer, 401, "unauthorized");
        assertThat(answer.header("WWW-Authenticate")).isPresent();
    }

    @Test
    void badRequestsGetTheRightProblemAndStoreNothing() {
        String manager = staffToken("manager");
        long before = memberCount(manager);

        assertProblem(gateway.post("/api/v1/members", "{\"siteId\": ").token(manager).send(), 400, "malformed-body");
        assertProblem(gateway.post("/api/v1/members", "siteId=x").header("Content-Type", "text/plain")
                .token(manager).send(), 415, "unsupported-media-type");
        Http.Response invalidEmail = gateway.post("/api/v1/members", """
                {"siteId": "%s", "firstName": "Bad", "lastName": "Email", "email": "not-an-email"}""".formatted(lyon))
                .token(manager).send();
        assertProblem(invalidEmail, 400, "validation-failed");
        assertThat(invalidEmail.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
        String twoMegabytes = "{\"siteId\": \"" + lyon + "\", \"firstName\": \"" + "x".repeat(2 * 1024 * 1024)
                + "\", \"lastName\": \"Big\"}";
        assertProblem(gateway.post("/api/v1/members", twoMegabytes).token(manager).send(), 413, "payload-too-large");

        assertThat(memberCount(manager)).isEqualTo(before);
    }

    @Test
    void aReplayedIdempotencyKeyCreatesOneMember() {
        String manager = staffToken("integration");
        String key = UUID.randomUUID().toString();
        String body = """
                {"siteId": "%s", "firstName": "Once", "lastName": "Only"}""".formatted(lyon);

        Http.Response first = gateway.post("/api/v1/members", body).header("Idempotency-Key", key).token(manager).send();
        Http.Response second = gateway.post("/api/v1/members", body).header("Idempotency-Key", key).token(manager).send();

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(second.header("Idempotency-Replayed")).contains("true");
        assertThat(lastNames(gateway.get("/api/v1/members?q=once%20only").token(manager).send()))
                .containsExactly("Only");
    }

    @Test
    void theGatewayShowsEveryServiceHealthyAndServesTheAggregatedApiDocs() {
        JsonNode health = gateway.get("/actuator/health").send().json();
        for (String service : List.of("members-service", "subscription-service", "booking-service",
                "billing-service")) {
            assertThat(health.get("components").get(service).get("status").asString()).as(service).isEqualTo("UP");
        }
        assertThat(gateway.get("/v3/api-docs/members").send().json().get("paths").has("/api/v1/members")).isTrue();
        assertThat(gateway.get("/swagger-ui.html").send().status()).isIn(200, 302);
    }

    private static Http.Response register(String firstName, String lastName, String extra) {
        String site = extra.contains("siteId") ? "" : "\"siteId\": \"" + lyon + "\", ";
        Http.Response answer = gateway.post("/api/v1/members", "{" + site + "\"firstName\": \"" + firstName
                        + "\", \"lastName\": \"" + lastName + "\"" + (extra.isEmpty() ? "" : ", " + extra) + "}")
                .token(staffToken("front-desk")).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer;
    }

    private static long memberCount(String token) {
        long count = 0;
        String cursor = null;
        do {
            JsonNode page = gateway.get("/api/v1/members?limit=100" + (cursor == null ? "" : "&cursor=" + cursor))
                    .token(token).send().json();
            count += page.get("items").size();
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        return count;
    }

    private static List<String> lastNames(Http.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().get("items").findValuesAsString("lastName");
    }

    private static String staffToken(String role) {
        return token("{\"organizationId\": \"" + organization + "\", \"roles\": [\"" + role
                + "\"], \"subject\": \"" + role + "-user\"}");
    }

    /** A token from the development issuer, asked through the gateway as the README shows. */
    private static String token(String request) {
        Http.Response answer = gateway.post("/dev/token", request).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("token_type").asString()).isEqualTo("Bearer");
        return answer.json().get("access_token").asString();
    }

    private static void assertProblem(Http.Response answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.json().get("code").asString()).isEqualTo(code);
    }
}
