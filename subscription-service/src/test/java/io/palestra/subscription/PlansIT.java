package io.palestra.subscription;

import io.palestra.events.subscriptions.PlanPriceChanged;
import io.palestra.events.subscriptions.PlanPublished;
import io.palestra.test.Http;
import io.palestra.test.TestInfrastructure;
import io.palestra.test.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.palestra.test.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The offer catalog through the API, on a real PostgreSQL and Kafka: the organisation arrives from its events. */
class PlansIT extends SubscriptionServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aManagerDraftsPublishesRepricesAndRetiresAClassPack() {
        Http.Response drafted = http().post("/api/v1/plans", """
                {"kind": "class-pack", "terms": {"name": "Carte 10 cours", "price": {"amount": "150", "currency": "EUR"},
                 "vatRate": 20, "categoryPrices": {"student": {"amount": 120, "currency": "EUR"}},
                 "siteIds": ["%s"], "activityTypes": ["yoga"], "credits": 10, "validityDays": 180,
                 "activation": "first-use", "shareableByHousehold": true}}""".formatted(lyon)).token(manager).send();

        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String plan = drafted.json().get("id").asString();
        assertThat(drafted.header("Location")).contains("/api/v1/plans/" + plan);
        assertThat(drafted.json().get("status").asString()).isEqualTo("draft");
        assertThat(drafted.json().get("terms").get("price").get("amount").asString()).isEqualTo("150.00");
        assertThat(drafted.json().get("terms").get("categoryPrices").get("student").get("amount").asString())
                .isEqualTo("120.00");

        Http.Response published = http().post("/api/v1/plans/" + plan + "/publication", "").token(manager).send();
        assertThat(published.json().get("status").asString()).isEqualTo("published");
        Http.Response repriced = http().post("/api/v1/plans/" + plan + "/price-change", """
                {"price": {"amount": "160.00", "currency": "EUR"}}""").token(manager).send();
        assertThat(repriced.status()).as(repriced.toString()).isEqualTo(200);
        assertThat(repriced.json().get("terms").get("price").get("amount").asString()).isEqualTo("160.00");
        assertThat(repriced.json().get("terms").get("categoryPrices").isEmpty()).isTrue();

        assertThat(names("?status=published&siteId=" + lyon)).containsExactly("Carte 10 cours");
        assertThat(names("?siteId=" + UUID.randomUUID())).isEmpty();
        assertThat(names("?kind=membership")).isEmpty();

        try (TopicReader events = new TopicReader(TestInfrastructure.kafkaBootstrapServers(),
                "palestra.subscriptions.events")) {
            List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30)).until(
                    () -> events.matching(record -> plan.equals(record.key())), found -> found.size() >= 2);
            assertThat(records).extracting(record -> header(record, "ce_type")).containsExactly(
                    "palestra.subscriptions.PlanPublished.v1", "palestra.subscriptions.PlanPriceChanged.v1");
            PlanPublished sold = JSON.readValue(records.get(0).value(), PlanPublished.class);
            assertThat(sold.price().amount()).isEqualByComparingTo(new BigDecimal("150.00"));
            assertThat(sold.credits()).isEqualTo(10);
            assertThat(sold.activation()).isEqualTo("first-use");
            assertThat(new String(records.get(0).value())).contains("\"amount\":\"150.00\"");
            PlanPriceChanged newPrice = JSON.readValue(records.get(1).value(), PlanPriceChanged.class);
            assertThat(newPrice.price().amount()).isEqualByComparingTo(new BigDecimal("160"));
            assertThat(newPrice.existingSubscribersToo()).isFalse();
        }

        Http.Response retired = http().post("/api/v1/plans/" + plan + "/retirement", "").token(manager).send();
        assertThat(retired.json().get("status").asString()).isEqualTo("retired");
        Http.Response late = http().post("/api/v1/plans/" + plan + "/price-change", """
                {"price": {"amount": "1", "currency": "EUR"}}""").token(manager).send();
        assertProblem(late, 422, "plan-retired");
    }

    @Test
    void aMembershipIsRevisedWhileADraftOnly() {
        Http.Response drafted = http().post("/api/v1/plans", """
                {"kind": "membership", "terms": {"name": "Illimité", "price": {"amount": "39.90", "currency": "EUR"},
                 "vatRate": 20, "period": "monthly", "commitmentMonths": 12, "billingDay": 5,
                 "joiningFee": {"amount": "49", "currency": "EUR"}}}""").token(manager).send();
        String plan = drafted.json().get("id").asString();
        String etag = drafted.header("ETag").orElseThrow();

        Http.Response revised = http().put("/api/v1/plans/" + plan, """
                {"terms": {"name": "Illimité 12 mois", "price": {"amount": "34.90", "currency": "EUR"},
                 "vatRate": 20, "period": "monthly", "commitmentMonths": 12}}""").header("If-Match", etag)
                .token(manager).send();
        assertThat(revised.status()).as(revised.toString()).isEqualTo(200);
        assertThat(revised.json().get("terms").get("name").asString()).isEqualTo("Illimité 12 mois");
        Http.Response stale = http().put("/api/v1/plans/" + plan, """
                {"terms": {"name": "Stale", "price": {"amount": "1", "currency": "EUR"}, "vatRate": 20,
                 "period": "monthly"}}""").header("If-Match", etag).token(manager).send();
        assertProblem(stale, 412, "precondition-failed");

        http().post("/api/v1/plans/" + plan + "/publication", "").token(manager).send();
        assertProblem(http().put("/api/v1/plans/" + plan, """
                {"terms": {"name": "Too late", "price": {"amount": "1", "currency": "EUR"}, "vatRate": 20,
                 "period": "monthly"}}""").token(manager).send(), 422, "plan-not-draft");
    }

    @Test
    void badOffersAreRefusedClearlyAndStoreNothing() {
        assertProblem(http().post("/api/v1/plans", """
                {"kind": "membership", "terms": {"name": "No period", "price": {"amount": "10", "currency": "EUR"},
                 "vatRate": 20}}""").token(manager).send(), 400, "validation-failed");
        assertProblem(http().post("/api/v1/plans", """
                {"kind": "class-pack", "terms": {"name": "Dollars", "price": {"amount": "10", "currency": "USD"},
                 "vatRate": 20, "credits": 5, "validityDays": 30, "activation": "sale"}}""").token(manager).send(),
                422, "wrong-currency");
        assertProblem(http().post("/api/v1/plans", """
                {"kind": "class-pack", "terms": {"name": "Cents", "price": {"amount": "10.005", "currency": "EUR"},
                 "vatRate": 20, "credits": 5, "validityDays": 30, "activation": "sale"}}""").token(manager).send(),
                400, "validation-failed");
        Http.Response unknownKind = http().post("/api/v1/plans", """
                {"kind": "sauna", "terms": {}}""").token(manager).send();
        assertProblem(unknownKind, 400, "validation-failed");
        assertThat(unknownKind.json().get("errors").findValuesAsString("field")).containsExactly("kind");
        assertThat(http().post("/api/v1/plans", """
                {"kind": "class-pack", "terms": {"name": "Desk", "price": {"amount": "10", "currency": "EUR"},
                 "vatRate": 20, "credits": 5, "validityDays": 30, "activation": "sale"}}""")
                .token(token(organization, "front-desk")).send().status()).isEqualTo(403);

        assertThat(names("")).isEmpty();
    }

    @Test
    void anotherOrganisationSeesNoneOfTheCatalog() {
        String plan = http().post("/api/v1/plans", """
                {"kind": "appointment-pack", "terms": {"name": "5 massages", "price": {"amount": "300", "currency": "EUR"},
                 "vatRate": 20, "credits": 5, "validUntil": "2027-12-31", "activation": "sale"}}""")
                .token(manager).send().json().get("id").asString();
        String stranger = token(UUID.randomUUID(), "owner");

        assertThat(http().get("/api/v1/plans/" + plan).token(stranger).send().status()).isEqualTo(404);
        assertThat(http().post("/api/v1/plans/" + plan + "/publication", "").token(stranger).send().status())
                .isEqualTo(404);
        assertThat(http().post("/api/v1/plans/" + plan + "/retirement", "").token(stranger).send().status())
                .isEqualTo(404);
        assertThat(http().get("/api/v1/plans").token(stranger).send().json().get("items")).isEmpty();
        assertThat(http().get("/api/v1/plans/" + plan).token(manager).send().json().get("status").asString())
                .isEqualTo("draft");
    }

    private List<String> names(String query) {
        Http.Response list = http().get("/api/v1/plans" + query).token(manager).send();
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        list.json().get("items").forEach(item -> names.add(item.get("terms").get("name").asString()));
        return names;
    }
}
