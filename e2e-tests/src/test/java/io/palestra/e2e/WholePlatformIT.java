package io.palestra.e2e;

import io.palestra.events.EventTypes;
import io.palestra.events.bookings.BookingCancelled;
import io.palestra.events.bookings.SeatReserved;
import io.palestra.events.members.MemberRegistered;
import io.palestra.local.platform.LocalPlatform;
import io.palestra.local.platform.Ports;
import io.palestra.local.platform.RunningPlatform;
import io.palestra.local.platform.Settings;
import io.palestra.test.Http;
import io.palestra.test.PublishedEvents;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
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

    @Test
    void aManagerMergesADuplicateWhichThenReadsAsTheSurvivor() {
        String survivor = register("Margot", "Fusion", "").json().get("id").asString();
        String duplicate = register("Margot", "Fusion", "\"email\": \"margot@example.org\"").json().get("id")
                .asString();
        String body = "{\"duplicateId\": \"" + duplicate + "\"}";

        assertProblem(gateway.post("/api/v1/members/" + survivor + "/merge", body).token(staffToken("front-desk"))
                .send(), 403, "forbidden");
        Http.Response merged = gateway.post("/api/v1/members/" + survivor + "/merge", body)
                .token(staffToken("manager")).send();

        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(merged.json().get("email").asString()).isEqualTo("margot@example.org");
        Http.Response redirected = gateway.get("/api/v1/members/" + duplicate).token(staffToken("manager")).send();
        assertThat(redirected.json().get("id").asString()).isEqualTo(survivor);
        assertThat(redirected.header("Content-Location")).contains("/api/v1/members/" + survivor);
        assertThat(lastNames(gateway.get("/api/v1/members?q=fusion").token(staffToken("manager")).send()))
                .containsExactly("Fusion");
    }

    @Test
    void anErasedMemberCannotBeReadBackFromTheApiTheEventStoreOrTheTopics() throws Exception {
        String manager = staffToken("manager");
        Http.Response registered = register("Effacée", "Zyxwv", "\"email\": \"zyxwv@example.org\", "
                + "\"phone\": \"+33698765432\"");
        String member = registered.json().get("id").asString();
        String code = registered.json().get("memberCode").asString();
        assertThat(gateway.post("/api/v1/members/" + member + "/notes", "{\"text\": \"Zyxwv prefers mornings\"}")
                .token(manager).send().status()).isEqualTo(201);

        Http.Response erased = gateway.post("/api/v1/members/" + member + "/anonymization",
                "{\"confirmation\": \"" + code + "\"}").token(manager).send();

        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(gateway.get("/api/v1/members/" + member).token(manager).send().body()).doesNotContain("Zyxwv",
                "zyxwv", "98765432");
        assertThat(gateway.get("/api/v1/members/" + member + "/history").token(manager).send().body())
                .doesNotContain("Zyxwv", "zyxwv", "98765432");
        assertThat(gateway.get("/api/v1/members?status=any&q=zyxwv").token(manager).send().json().get("items"))
                .isEmpty();
        try (Connection members = DriverManager.getConnection(platform.postgresServerUrl() + "members", "postgres",
                "postgres");
             PreparedStatement payloads = members.prepareStatement(
                     "SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ?")) {
            payloads.setString(1, member);
            try (ResultSet rows = payloads.executeQuery()) {
                int events = 0;
                while (rows.next()) {
                    events++;
                    assertThat(rows.getString(1)).doesNotContain("Zyxwv", "zyxwv", "98765432", "prefers");
                }
                assertThat(events).as("the events are still there, sealed").isGreaterThanOrEqualTo(3);
            }
        }
        try (TopicReader events = new TopicReader(platform.kafkaBootstrapServers(), "palestra.members.events");
             TopicReader profiles = new TopicReader(platform.kafkaBootstrapServers(), "palestra.members.profiles")) {
            List<ConsumerRecord<String, byte[]>> profile = await().atMost(Duration.ofSeconds(60)).until(
                    () -> profiles.matching(record -> member.equals(record.key())),
                    found -> !found.isEmpty() && found.get(found.size() - 1).value() == null);
            assertThat(profile.get(profile.size() - 1).value()).as("the last profile is a tombstone").isNull();
            List<ConsumerRecord<String, byte[]>> published = await().atMost(Duration.ofSeconds(60)).until(
                    () -> events.matching(record -> member.equals(record.key())), found -> found.size() >= 2);
            assertThat(published).allSatisfy(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8))
                    .doesNotContain("Zyxwv", "zyxwv", "98765432"));
        }
    }

    @Test
    void aManagerImportsACsvAfterADryRunAndUndoesIt() {
        String manager = staffToken("manager");
        byte[] csv = """
                prenom;nom;courriel;date de naissance
                Irène;Importée;irene@example.org;02/03/1980
                Igor;Importé;;
                ;SansPrénom;;
                """.getBytes(StandardCharsets.UTF_8);

        Http.Response dryRun = gateway.upload("POST", "/api/v1/members/imports?dryRun=true&siteId=" + lyon, "file",
                "membres.csv", "text/csv", csv).token(manager).send();
        assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
        assertThat(dryRun.json().get("create").asInt()).isEqualTo(2);
        assertThat(dryRun.json().get("invalid").asInt()).isEqualTo(1);
        assertThat(lastNames(gateway.get("/api/v1/members?q=import").token(manager).send())).isEmpty();

        Http.Response started = gateway.upload("POST", "/api/v1/members/imports?siteId=" + lyon, "file",
                "membres.csv", "text/csv", csv).token(manager).send();
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String progress = started.header("Location").orElseThrow();
        JsonNode done = await().atMost(Duration.ofSeconds(60)).until(
                () -> gateway.get(progress).token(manager).send().json(),
                view -> "completed".equals(view.get("status").asString()));
        assertThat(done.get("created").asInt()).isEqualTo(2);
        assertThat(lastNames(gateway.get("/api/v1/members?q=import").token(manager).send()))
                .containsExactlyInAnyOrder("Importée", "Importé");

        assertThat(gateway.post(progress + "/undo", "").token(manager).send().status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get(progress).token(manager).send().json(),
                view -> "undone".equals(view.get("status").asString()));
        assertThat(lastNames(gateway.get("/api/v1/members?q=import").token(manager).send())).isEmpty();
    }

    @Test
    void aManagerExportsTheFilteredListAndReadsAMembersHistoryAsOfAnInstant() {
        String manager = staffToken("manager");
        String member = register("Xavier", "Exporté", "").json().get("id").asString();
        OffsetDateTime beforeRename = OffsetDateTime.now();
        assertThat(gateway.patch("/api/v1/members/" + member, "{\"lastName\": \"Renommé\"}").token(manager).send()
                .status()).isEqualTo(200);

        Http.Response export = gateway.get("/api/v1/members/export?format=csv&q=xavier").token(manager).send();
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.body().lines().toList()).hasSize(2).last().asString().contains("Xavier", "Renommé");

        JsonNode history = gateway.get("/api/v1/members/" + member + "/history").token(manager).send().json();
        JsonNode rename = history.get("items").get(history.get("items").size() - 1);
        assertThat(rename.get("actor").asString()).isEqualTo("manager-user");
        assertThat(rename.get("changes").get(0).get("from").asString()).isEqualTo("Exporté");
        assertThat(rename.get("changes").get(0).get("to").asString()).isEqualTo("Renommé");
        JsonNode asOf = gateway.get("/api/v1/members/" + member + "/history?asOf=" + beforeRename.toInstant())
                .token(manager).send().json();
        assertThat(asOf.get("record").get("lastName").asString()).isEqualTo("Exporté");

        JsonNode personalData = gateway.get("/api/v1/members/" + member + "/personal-data").token(manager).send()
                .json();
        assertThat(personalData.get("services").propertyNames()).containsExactlyInAnyOrder("members-service",
                "subscription-service", "booking-service", "billing-service");
        JsonNode held = personalData.get("services").get("members-service");
        assertThat(held.get("record").get("lastName").asString()).isEqualTo("Renommé");
        assertThat(held.get("events").findValuesAsString("type")).contains("MemberRegistered",
                "MemberIdentityChanged");
    }

    @Test
    void anOwnerPublishesAClassPackPricedInTheOrganisationsCurrency() {
        String owner = staffToken("owner");
        String body = """
                {"kind": "class-pack", "terms": {"name": "Carte 5 cours", "price": {"amount": "75", "currency": "EUR"},
                 "vatRate": 20, "siteIds": ["%s"], "credits": 5, "validityDays": 90, "activation": "first-use"}}"""
                .formatted(lyon);

        // subscription-service learns of the organisation and its sites from members-service's events
        Http.Response drafted = await().atMost(Duration.ofSeconds(60)).until(
                () -> gateway.post("/api/v1/plans", body).token(owner).send(), answer -> answer.status() != 422);
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String plan = drafted.json().get("id").asString();
        Http.Response published = gateway.post("/api/v1/plans/" + plan + "/publication", "").token(owner).send();

        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().get("terms").get("price").get("amount").asString()).isEqualTo("75.00");
        assertThat(gateway.get("/api/v1/plans?status=published").token(staffToken("front-desk")).send().json()
                .get("items").findValuesAsString("id")).contains(plan);
        assertProblem(gateway.post("/api/v1/plans", body.replace("EUR", "USD")).token(owner).send(), 422,
                "wrong-currency");
    }

    @Test
    void aFrontDeskSubscribesAMemberWhoseInstallmentsReachBillingsTopic() {
        String owner = staffToken("owner");
        String frontDesk = staffToken("front-desk");
        String body = """
                {"kind": "membership", "terms": {"name": "Illimité", "price": {"amount": "39.90", "currency": "EUR"},
                 "vatRate": 20, "period": "monthly", "commitmentMonths": 12,
                 "joiningFee": {"amount": "20", "currency": "EUR"}}}""";
        Http.Response drafted = await().atMost(Duration.ofSeconds(60)).until(
                () -> gateway.post("/api/v1/plans", body).token(owner).send(), answer -> answer.status() != 422);
        String plan = drafted.json().get("id").asString();
        gateway.post("/api/v1/plans/" + plan + "/publication", "").token(owner).send();
        String member = gateway.post("/api/v1/members", """
                {"siteId": "%s", "firstName": "Inès", "lastName": "Garnier", "email": "ines@example.org"}"""
                .formatted(lyon)).token(frontDesk).send().json().get("id").asString();
        LocalDate start = LocalDate.now(ZoneId.of("Europe/Paris")).minusMonths(2);

        Http.Response subscribed = gateway.post("/api/v1/subscriptions", """
                {"memberId": "%s", "planId": "%s", "siteId": "%s", "startsOn": "%s",
                 "paymentMethod": {"type": "direct-debit", "reference": "MANDATE-E2E"}}"""
                .formatted(member, plan, lyon, start)).token(frontDesk).send();

        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
        String subscription = subscribed.json().get("id").asString();
        assertThat(subscribed.json().get("status").asString()).isEqualTo("active-recurring");
        JsonNode installments = gateway.get("/api/v1/subscriptions/" + subscription + "/installments")
                .token(frontDesk).send().json().get("items");
        assertThat(installments.findValuesAsString("dueOn")).containsExactly(start.toString(),
                start.plusMonths(1).toString(), start.plusMonths(2).toString());
        try (TopicReader events = new TopicReader(platform.kafkaBootstrapServers(), "palestra.subscriptions.events")) {
            List<ConsumerRecord<String, byte[]>> due = await().atMost(Duration.ofSeconds(30)).until(
                    () -> events.matching(record -> subscription.equals(record.key())
                            && header(record, "ce_type").equals("palestra.subscriptions.InstallmentDue.v1")),
                    found -> found.size() >= 3);
            assertThat(due).hasSize(3);
            assertThat(JSON.readTree(due.get(0).value()).get("amount").get("amount").asString()).isEqualTo("59.90");
        }

        Http.Response paused = gateway.post("/api/v1/subscriptions/" + subscription + "/pause", """
                {"from": "%s", "until": "%s"}""".formatted(start.plusMonths(2).plusDays(7),
                start.plusMonths(2).plusDays(21))).token(frontDesk).send();
        assertThat(paused.json().get("status").asString()).as(paused.toString()).isEqualTo("pause-upcoming");
        assertThat(gateway.get("/api/v1/subscriptions?memberId=" + member).token(frontDesk).send().json()
                .get("items").findValuesAsString("id")).containsExactly(subscription);
        assertThat(gateway.get("/api/v1/subscriptions/" + subscription).token(staffToken("owner")).send().status())
                .isEqualTo(200);
        assertThat(gateway.get("/api/v1/subscriptions/" + subscription)
                .token(token("{\"organizationId\": \"" + UUID.randomUUID() + "\", \"roles\": [\"owner\"], "
                        + "\"subject\": \"stranger\"}"))
                .send().status()).isEqualTo(404);
    }

    @Test
    void aFiveClassCardPaysThreeBookingsAndGetsOneBackWhenItIsCancelled() throws Exception {
        String owner = staffToken("owner");
        String frontDesk = staffToken("front-desk");
        String body = """
                {"kind": "class-pack", "terms": {"name": "Carte 5 cours yoga", "price": {"amount": "70", "currency": "EUR"},
                 "vatRate": 20, "credits": 5, "validityDays": 120, "activation": "sale", "activityTypes": ["yoga"]}}""";
        Http.Response drafted = await().atMost(Duration.ofSeconds(60)).until(
                () -> gateway.post("/api/v1/plans", body).token(owner).send(), answer -> answer.status() != 422);
        String plan = drafted.json().get("id").asString();
        gateway.post("/api/v1/plans/" + plan + "/publication", "").token(owner).send();
        UUID member = UUID.fromString(gateway.post("/api/v1/members", """
                {"siteId": "%s", "firstName": "Zoé", "lastName": "Mercier"}""".formatted(lyon)).token(frontDesk)
                .send().json().get("id").asString());

        Http.Response sold = gateway.post("/api/v1/passes", """
                {"memberId": "%s", "planId": "%s", "saleReference": "F-2026-0007"}""".formatted(member, plan))
                .token(frontDesk).send();
        assertThat(sold.status()).as(sold.toString()).isEqualTo(201);
        String pass = sold.json().get("id").asString();
        assertThat(sold.json().get("balance").asInt()).isEqualTo(5);

        UUID session = UUID.randomUUID();
        List<UUID> bookings = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Instant startsAt = Instant.now().plus(Duration.ofDays(3));
        try (PublishedEvents booking = new PublishedEvents(platform.kafkaBootstrapServers());
             TopicReader answers = new TopicReader(platform.kafkaBootstrapServers(), "palestra.subscriptions.events")) {
            for (UUID seat : bookings) {
                booking.send(new SeatReserved(organization, lyon, session, seat, member, "yoga", startsAt, 1,
                        Instant.now()), session, UUID.randomUUID().toString()).get();
            }
            for (UUID seat : bookings) {
                ConsumerRecord<String, byte[]> answer = await().atMost(Duration.ofSeconds(30)).until(
                        () -> answers.matching(record -> seat.toString().equals(record.key())),
                        found -> !found.isEmpty()).get(0);
                assertThat(header(answer, "ce_type")).isEqualTo("palestra.subscriptions.CreditConsumed.v1");
                assertThat(JSON.readTree(answer.value()).get("payerId").asString()).isEqualTo(pass);
            }
            booking.send(new BookingCancelled(organization, lyon, session, bookings.get(1), member, true, "member",
                    Instant.now(), true), session, UUID.randomUUID().toString()).get();
            await().atMost(Duration.ofSeconds(30)).until(() -> answers.matching(record ->
                    bookings.get(1).toString().equals(record.key())
                            && header(record, "ce_type").equals("palestra.subscriptions.CreditRestored.v1")),
                    found -> found.size() == 1);
        }

        JsonNode card = await().atMost(Duration.ofSeconds(30)).until(() -> gateway.get("/api/v1/passes/" + pass)
                .token(frontDesk).send().json(), found -> found.get("balance").asInt() == 3);
        assertThat(card.get("credits").asInt()).isEqualTo(5);
        JsonNode ledger = gateway.get("/api/v1/passes/" + pass + "/ledger").token(frontDesk).send().json();
        assertThat(ledger.get("entries").findValuesAsString("movement"))
                .containsExactly("issue", "consume", "consume", "consume", "restore");
        assertThat(ledger.get("entries").get(4).get("bookingId").asString()).isEqualTo(bookings.get(1).toString());
        assertThat(ledger.get("entries").get(4).get("balance").asInt()).isEqualTo(3);
    }

    @Test
    void anotherOrganisationReachesNoMemberEndpointAndChangesNothing() {
        String manager = staffToken("manager");
        String member = register("Gardée", "Secrète", "").json().get("id").asString();
        String other = register("Autre", "Secrète", "").json().get("id").asString();
        String importId = gateway.upload("POST", "/api/v1/members/imports?dryRun=false&siteId=" + lyon, "file",
                "one.csv", "text/csv", "first_name,last_name\nSolo,Secrète\n".getBytes(StandardCharsets.UTF_8))
                .token(manager).send().json().get("id").asString();
        JsonNode before = gateway.get("/api/v1/members/" + member).token(manager).send().json();
        String stranger = token("{\"organizationId\": \"" + UUID.randomUUID()
                + "\", \"roles\": [\"owner\"], \"subject\": \"mallory\"}");
        String path = "/api/v1/members/" + member;
        byte[] png = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC");

        List<Http.Request> requests = List.of(
                gateway.get(path), gateway.patch(path, "{\"firstName\": \"Mallory\"}"),
                gateway.put(path + "/addresses", "{\"addresses\": []}"),
                gateway.put(path + "/emergency-contacts", "{\"contacts\": []}"),
                gateway.put(path + "/front-desk", "{\"welcomeMessage\": \"hi\"}"),
                gateway.put(path + "/medical-certificate", "{\"validUntil\": \"2030-01-01\"}"),
                gateway.delete(path + "/medical-certificate"),
                gateway.get(path + "/notes"), gateway.post(path + "/notes", "{\"text\": \"x\"}"),
                gateway.post(path + "/blacklist-periods", "{\"from\": \"2030-01-01\"}"),
                gateway.put(path + "/tags/" + UUID.randomUUID(), ""),
                gateway.post(path + "/consents", "{\"decisions\": [{\"channel\": \"sms\", \"granted\": true, "
                        + "\"source\": \"x\"}]}"),
                gateway.get(path + "/consents/history"),
                gateway.get(path + "/relations"),
                gateway.post(path + "/relations", "{\"memberId\": \"" + other + "\", \"kind\": \"family\"}"),
                gateway.get(path + "/household"), gateway.post(path + "/household", ""),
                gateway.post(path + "/transfer", "{\"siteId\": \"" + paris + "\"}"),
                gateway.post(path + "/merge", "{\"duplicateId\": \"" + other + "\"}"),
                gateway.post("/api/v1/members/" + other + "/merge", "{\"duplicateId\": \"" + member + "\"}"),
                gateway.get(path + "/photo"),
                gateway.upload("PUT", path + "/photo", "photo", "p.png", "image/png", png),
                gateway.delete(path + "/photo"),
                gateway.get(path + "/history"), gateway.get(path + "/history?asOf=2030-01-01T00:00:00Z"),
                gateway.get(path + "/personal-data"),
                gateway.post(path + "/anonymization", "{\"confirmation\": \"" + before.get("memberCode")
                        .asString() + "\"}"),
                gateway.get("/api/v1/members/imports/" + importId),
                gateway.get("/api/v1/members/imports/" + importId + "/rows"),
                gateway.post("/api/v1/members/imports/" + importId + "/undo", ""));
        for (Http.Request request : requests) {
            Http.Response answer = request.token(stranger).send();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
        }
        assertThat(gateway.get("/api/v1/members?status=any&q=secrete").token(stranger).send().json().get("items"))
                .isEmpty();
        assertThat(gateway.get("/api/v1/members/counts").token(stranger).send().json().get("total").asLong())
                .isZero();
        assertThat(gateway.get("/api/v1/members/duplicates").token(stranger).send().json().get("items")).isEmpty();
        assertThat(gateway.get("/api/v1/members/export?status=any").token(stranger).send().body().lines())
                .hasSize(1);
        assertThat(gateway.get("/api/v1/members/imports").token(stranger).send().json()).isEmpty();

        JsonNode after = gateway.get("/api/v1/members/" + member).token(manager).send().json();
        assertThat(after.get("version")).isEqualTo(before.get("version"));
        assertThat(after.get("status").asString()).isEqualTo("active");
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
