package io.palestra.subscription;

import io.palestra.events.Price;
import io.palestra.events.billing.InvoicePaid;
import io.palestra.events.billing.MandateRecorded;
import io.palestra.events.billing.MandateRevoked;
import io.palestra.events.billing.PaymentFailed;
import io.palestra.events.subscriptions.InstallmentDue;
import io.palestra.events.subscriptions.MemberSubscribed;
import io.palestra.test.Http;
import io.palestra.test.PublishedEvents;
import io.palestra.test.TestInfrastructure;
import io.palestra.test.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.palestra.test.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Subscriptions through the API, on a real PostgreSQL and Kafka: installments, billing's outcomes, work queues. */
class SubscriptionsIT extends SubscriptionServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MONTHLY = """
            {"name": "Yoga illimité", "price": {"amount": "39.90", "currency": "EUR"}, "vatRate": 20,
             "period": "monthly", "commitmentMonths": 12, "joiningFee": {"amount": "30", "currency": "EUR"}}""";

    @Test
    void aSubscriptionPublishesItsInstallmentsAtTheirDateAndBillingsOutcomeSetsItsStatus() {
        clock.set(Instant.parse("2027-01-15T09:00:00Z"));
        String plan = publishedPlan("membership", MONTHLY);
        UUID member = UUID.randomUUID();

        Http.Response subscribed = subscribe(member, plan, """
                "offer": {"percent": 50, "installments": 1},
                "paymentMethod": {"type": "direct-debit", "reference": "MANDATE-7"}""");

        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
        JsonNode subscription = subscribed.json();
        String id = subscription.get("id").asString();
        assertThat(subscribed.header("Location")).contains("/api/v1/subscriptions/" + id);
        assertThat(subscription.get("status").asString()).isEqualTo("active-recurring");
        assertThat(subscription.get("startsOn").asString()).isEqualTo("2027-01-15");
        assertThat(subscription.get("commitmentEndsOn").asString()).isEqualTo("2028-01-14");
        assertThat(subscription.get("nextDueOn").asString()).isEqualTo("2027-02-15");
        assertThat(subscription.get("nextAmount").get("amount").asString()).isEqualTo("39.90");
        JsonNode first = installments(id).get(0);
        assertThat(first.get("amount").get("amount").asString()).isEqualTo("49.95");
        assertThat(first.get("lines")).extracting(line -> line.get("kind").asString())
                .containsExactly("membership", "discount", "joining-fee");

        clock.set(LocalDate.of(2027, 2, 15).atStartOfDay(ZoneId.of("Europe/Paris")).toInstant().minusNanos(1));
        wakeups.wakeDue();
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%InstallmentFellDue'").param(id).query(Long.class).single()).isEqualTo(1);
        clock.advance(Duration.ofNanos(1));
        wakeups.wakeDue();
        List<JsonNode> fallen = await().atMost(Duration.ofSeconds(30)).until(() -> installments(id),
                found -> found.size() == 2);
        assertThat(fallen).extracting(installment -> installment.get("dueOn").asString())
                .containsExactly("2027-01-15", "2027-02-15");

        try (TopicReader events = new TopicReader(TestInfrastructure.kafkaBootstrapServers(),
                "palestra.subscriptions.events")) {
            List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30)).until(
                    () -> events.matching(record -> id.equals(record.key())),
                    found -> found.stream().filter(record -> header(record, "ce_type").contains("InstallmentDue"))
                            .count() == 2);
            assertThat(records).extracting(record -> header(record, "ce_type")).startsWith(
                    "palestra.subscriptions.MemberSubscribed.v1",
                    "palestra.subscriptions.InstallmentDue.v1",
                    "palestra.subscriptions.SubscriptionStatusChanged.v1");
            MemberSubscribed sold = JSON.readValue(records.get(0).value(), MemberSubscribed.class);
            assertThat(sold.memberId()).isEqualTo(member);
            assertThat(sold.offer().percent()).isEqualByComparingTo("50");
            List<InstallmentDue> due = records.stream()
                    .filter(record -> header(record, "ce_type").contains("InstallmentDue"))
                    .map(record -> JSON.readValue(record.value(), InstallmentDue.class)).toList();
            assertThat(due).extracting(InstallmentDue::installmentNumber).containsExactly(0, 1);
            assertThat(due.get(1).amount().amount()).isEqualByComparingTo("39.90");
            assertThat(due.get(1).paymentReference()).isEqualTo("MANDATE-7");
            assertThat(new String(records.get(1).value(), StandardCharsets.UTF_8)).contains("\"amount\":\"49.95\"");
        }

        UUID invoice = UUID.randomUUID();
        PublishedEvents.publish(new PaymentFailed(organization, invoice, member, UUID.fromString(id), 1,
                new Price(new BigDecimal("39.90"), "EUR"), "insufficient-funds", LocalDate.of(2027, 2, 18),
                Instant.parse("2027-02-15T08:00:00Z")), invoice);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("needs-attention"));
        assertThat(get(id).get("statusReason").asString()).isEqualTo("payment-failed");
        assertThat(http().get("/api/v1/subscriptions/queues").token(manager).send().json()
                .get("paymentFailed").asLong()).isEqualTo(1);
        assertThat(installments(id).get(1).get("status").asString()).isEqualTo("failed");

        PublishedEvents.publish(new InvoicePaid(organization, invoice, "2027-000012", member, UUID.fromString(id), 1,
                new Price(new BigDecimal("39.90"), "EUR"), Instant.parse("2027-02-18T08:00:00Z")), invoice);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("active-recurring"));
        assertThat(installments(id).get(1).get("status").asString()).isEqualTo("paid");

        Http.Response personal = http().get("/api/v1/personal-data/members/" + member).token(manager).send();
        assertThat(personal.status()).as(personal.toString()).isEqualTo(200);
        assertThat(personal.body()).contains(id, "\"installments\"", "\"status\":\"paid\"");
    }

    @Test
    void staffPauseRequestCancellationAndAManagerCancels() {
        clock.set(Instant.parse("2027-01-15T09:00:00Z"));
        String plan = publishedPlan("membership", MONTHLY);
        String id = subscribe(UUID.randomUUID(), plan, """
                "paymentMethod": {"type": "card", "reference": "card-1"}""").json().get("id").asString();
        String frontDesk = token(organization, "front-desk");

        Http.Response paused = http().post("/api/v1/subscriptions/" + id + "/pause", """
                {"from": "2027-02-01", "until": "2027-03-01", "reason": "injury"}""").token(frontDesk).send();
        assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        assertThat(paused.json().get("status").asString()).isEqualTo("pause-upcoming");
        assertThat(paused.json().get("pauseUntil").asString()).isEqualTo("2027-03-01");
        assertThat(paused.json().get("nextDueOn").asString()).isEqualTo("2027-03-15");
        assertThat(paused.json().get("commitmentEndsOn").asString()).isEqualTo("2028-02-11");
        assertProblem(http().post("/api/v1/subscriptions/" + id + "/pause", """
                {"until": "2027-01-01"}""").token(frontDesk).send(), 400, "validation-failed");

        Http.Response resumed = http().post("/api/v1/subscriptions/" + id + "/resumption", "{}").token(frontDesk)
                .send();
        assertThat(resumed.json().get("status").asString()).isEqualTo("active-recurring");
        Http.Response requested = http().post("/api/v1/subscriptions/" + id + "/cancellation-request", """
                {"reason": "moving away"}""").token(frontDesk).send();
        assertThat(requested.json().get("status").asString()).isEqualTo("cancellation-requested");
        assertThat(requested.json().get("lastDay").asString()).isEqualTo("2028-01-14");
        assertProblem(http().post("/api/v1/subscriptions/" + id + "/pause", """
                {"until": "2027-03-01"}""").token(frontDesk).send(), 422, "cancellation-pending");

        assertThat(http().post("/api/v1/subscriptions/" + id + "/cancellation", "{}").token(frontDesk).send()
                .status()).isEqualTo(403);
        Http.Response cancelled = http().post("/api/v1/subscriptions/" + id + "/cancellation", """
                {"reason": "left without paying"}""").token(manager).send();
        assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
        assertProblem(http().post("/api/v1/subscriptions/" + id + "/resumption", "{}").token(manager).send(), 422,
                "subscription-ended");
    }

    @Test
    void theListFiltersSortsPagesAndCountsItsWorkQueues() {
        clock.set(Instant.parse("2027-01-15T09:00:00Z"));
        String plan = publishedPlan("membership", MONTHLY);
        String withoutMandate = subscribe(UUID.randomUUID(), plan, """
                "paymentMethod": {"type": "direct-debit"}""").json().get("id").asString();
        String endingSoon = subscribe(UUID.randomUUID(), plan, """
                "startsOn": "2026-11-20", "validityMonths": 2, "paymentMethod": {"type": "cash"}""")
                .json().get("id").asString();
        String dueSoon = subscribe(UUID.randomUUID(), plan, """
                "startsOn": "2026-12-20", "paymentMethod": {"type": "card", "reference": "c"}""")
                .json().get("id").asString();

        JsonNode queues = http().get("/api/v1/subscriptions/queues").token(manager).send().json();
        assertThat(queues.get("needsMandate").asLong()).isEqualTo(1);
        assertThat(queues.get("endingWithin7Days").asLong()).isEqualTo(1);
        assertThat(queues.get("paymentDueWithin7Days").asLong()).isEqualTo(1);
        assertThat(queues.get("paymentFailed").asLong()).isZero();
        assertThat(ids("?queue=needs-mandate")).containsExactly(withoutMandate);
        assertThat(get(withoutMandate).get("status").asString()).isEqualTo("needs-attention");
        assertThat(ids("?queue=ending-soon")).containsExactly(endingSoon);
        assertThat(ids("?status=active-with-end-date")).containsExactly(endingSoon);
        assertThat(ids("?nextBillingFrom=2027-01-16&nextBillingTo=2027-01-31")).containsExactly(dueSoon);

        List<String> pages = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = http().get("/api/v1/subscriptions?sort=starts&limit=1" + cursor).token(manager).send()
                    .json();
            page.get("items").forEach(item -> pages.add(item.get("id").asString()));
            cursor = page.get("nextCursor").isNull() ? null : "&cursor=" + page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(pages).containsExactly(endingSoon, dueSoon, withoutMandate);

        Http.Response csv = http().get("/api/v1/subscriptions/export?format=csv&sort=starts").token(manager).send();
        assertThat(csv.status()).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("subscription_id,member_id,plan,");
        assertThat(lines.get(1)).startsWith(endingSoon).contains("Yoga illimité", "active-with-end-date");
        Http.Response xlsx = http().get("/api/v1/subscriptions/export?format=xlsx").token(manager).send();
        assertThat(xlsx.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("spreadsheetml"));

        assertProblem(http().get("/api/v1/subscriptions?status=sleeping").token(manager).send(), 400,
                "validation-failed");
        assertProblem(http().get("/api/v1/subscriptions?sort=created&cursor=" + "x").token(manager).send(), 400,
                "validation-failed");
    }

    @Test
    void aMandateRecordedInBillingEndsNeedsMandateAndARevokedOneBringsItBack() {
        clock.set(Instant.parse("2027-01-15T09:00:00Z"));
        String plan = publishedPlan("membership", MONTHLY);
        UUID member = UUID.randomUUID();
        String waiting = subscribe(member, plan, """
                "paymentMethod": {"type": "direct-debit"}""").json().get("id").asString();
        String byCard = subscribe(member, plan, """
                "paymentMethod": {"type": "card", "reference": "card_42"}""").json().get("id").asString();
        assertThat(get(waiting).get("needsMandate").asBoolean()).isTrue();
        UUID mandate = UUID.randomUUID();

        PublishedEvents.publish(new MandateRecorded(organization, member, mandate, "RUM-2027-7KQ4M2XP", "0189",
                LocalDate.parse("2027-01-14"), clock.instant()), member);
        JsonNode covered = await().atMost(Duration.ofSeconds(30)).until(() -> get(waiting),
                found -> !found.get("needsMandate").asBoolean());
        assertThat(covered.get("paymentMethod").get("reference").asString()).isEqualTo("RUM-2027-7KQ4M2XP");
        assertThat(covered.get("status").asString()).isEqualTo("active-recurring");
        assertThat(get(byCard).get("paymentMethod").get("reference").asString()).as("a card stays a card")
                .isEqualTo("card_42");

        PublishedEvents.publish(new MandateRevoked(organization, member, mandate, "RUM-2027-7KQ4M2XP",
                "changement de banque", clock.instant()), member);
        JsonNode uncovered = await().atMost(Duration.ofSeconds(30)).until(() -> get(waiting),
                found -> found.get("needsMandate").asBoolean());
        assertThat(uncovered.get("status").asString()).isEqualTo("needs-attention");
        assertThat(ids("?queue=needs-mandate")).containsExactly(waiting);
    }

    @Test
    void aPriceChangeForExistingSubscribersRepricesTheirNextInstallment() {
        String plan = publishedPlan("membership", MONTHLY);
        String kept = subscribe(UUID.randomUUID(), plan, """
                "paymentMethod": {"type": "cash"}""").json().get("id").asString();
        http().post("/api/v1/plans/" + plan + "/price-change", """
                {"price": {"amount": "42.00", "currency": "EUR"}}""").token(manager).send();
        assertThat(get(kept).get("nextAmount").get("amount").asString()).isEqualTo("39.90");

        http().post("/api/v1/plans/" + plan + "/price-change", """
                {"price": {"amount": "44.90", "currency": "EUR"}, "existingSubscribersToo": true}""")
                .token(manager).send();
        await().atMost(Duration.ofSeconds(30)).until(() -> get(kept).get("nextAmount").get("amount").asString()
                .equals("44.90"));
        assertThat(get(kept).get("price").get("amount").asString()).isEqualTo("44.90");
    }

    @Test
    void badSubscriptionsAreRefusedAndAnotherOrganisationSeesNothing() {
        String plan = publishedPlan("membership", MONTHLY);
        String pack = publishedPlan("class-pack", """
                {"name": "Carte 5", "price": {"amount": "60", "currency": "EUR"}, "vatRate": 20, "credits": 5,
                 "validityDays": 90, "activation": "sale"}""");
        assertProblem(subscribe(UUID.randomUUID(), pack, """
                "paymentMethod": {"type": "cash"}"""), 422, "not-a-membership");
        assertProblem(subscribe(UUID.randomUUID(), plan, """
                "paymentMethod": {"type": "bitcoin"}"""), 400, "validation-failed");
        assertProblem(subscribe(UUID.randomUUID(), plan, """
                "category": "senior", "paymentMethod": {"type": "cash"}"""), 400, "validation-failed");
        assertProblem(subscribe(UUID.randomUUID(), plan, """
                "offer": {"percent": 120}, "paymentMethod": {"type": "cash"}"""), 400, "validation-failed");
        assertThat(http().get("/api/v1/subscriptions").token(manager).send().json().get("items")).isEmpty();

        String id = subscribe(UUID.randomUUID(), plan, """
                "paymentMethod": {"type": "cash"}""").json().get("id").asString();
        String stranger = token(UUID.randomUUID(), "owner");
        assertThat(http().get("/api/v1/subscriptions/" + id).token(stranger).send().status()).isEqualTo(404);
        assertThat(http().post("/api/v1/subscriptions/" + id + "/cancellation", "{}").token(stranger).send()
                .status()).isEqualTo(404);
        assertThat(http().get("/api/v1/subscriptions").token(stranger).send().json().get("items")).isEmpty();
        assertThat(http().get("/api/v1/subscriptions/" + id).token(token(organization, "coach")).send().status())
                .isEqualTo(403);
    }

    private Http.Response subscribe(UUID member, String plan, String fields) {
        return http().post("/api/v1/subscriptions", """
                {"memberId": "%s", "planId": "%s", "siteId": "%s", %s}""".formatted(member, plan, lyon, fields))
                .token(manager).send();
    }

    private JsonNode get(String id) {
        return http().get("/api/v1/subscriptions/" + id).token(manager).send().json();
    }

    private String status(String id) {
        return get(id).get("status").asString();
    }

    private List<JsonNode> installments(String id) {
        List<JsonNode> items = new ArrayList<>();
        http().get("/api/v1/subscriptions/" + id + "/installments").token(manager).send().json().get("items")
                .forEach(items::add);
        return items;
    }

    private List<String> ids(String query) {
        Http.Response list = http().get("/api/v1/subscriptions" + query).token(manager).send();
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
