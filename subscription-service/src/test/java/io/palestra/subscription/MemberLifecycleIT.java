package io.palestra.subscription;

import io.palestra.events.bookings.SeatReserved;
import io.palestra.events.members.MemberTransferred;
import io.palestra.events.members.MembersMerged;
import io.palestra.events.members.SiteAdded;
import io.palestra.test.PublishedEvents;
import io.palestra.test.TestInfrastructure;
import io.palestra.test.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.palestra.test.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * subscription-service follows members-service's member lifecycle, on a real PostgreSQL and Kafka: a merge re-points
 * the duplicate's subscriptions and passes to the survivor, a seat reserved under the duplicate's id is paid from
 * them, and a transfer moves the member's running subscriptions to the new home site.
 */
class MemberLifecycleIT extends SubscriptionServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aMergeRePointsSubscriptionsAndPassesAndATransferMovesSubscriptions() {
        UUID duplicate = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        String plan = publishedPlan("membership", """
                {"name": "Pilates illimité", "price": {"amount": "49", "currency": "EUR"}, "vatRate": 20,
                 "period": "monthly", "activityTypes": ["pilates"]}""");
        String pack = publishedPlan("class-pack", """
                {"name": "Carte 5", "price": {"amount": "60", "currency": "EUR"}, "vatRate": 20, "credits": 5,
                 "validityDays": 90, "activation": "sale"}""");
        String subscription = http().post("/api/v1/subscriptions", """
                {"memberId": "%s", "planId": "%s", "siteId": "%s", "paymentMethod": {"type": "cash"}}"""
                .formatted(duplicate, plan, lyon)).token(manager).send().json().get("id").asString();
        String pass = http().post("/api/v1/passes", """
                {"memberId": "%s", "planId": "%s", "saleReference": "F-9"}""".formatted(duplicate, pack))
                .token(manager).send().json().get("id").asString();

        PublishedEvents.publish(new MembersMerged(organization, survivor, duplicate, "M-0009",
                Instant.parse("2027-01-15T10:00:00Z")), duplicate);

        await().atMost(Duration.ofSeconds(30)).until(() -> ids("/api/v1/subscriptions?memberId=" + survivor),
                found -> found.contains(subscription));
        await().atMost(Duration.ofSeconds(30)).until(() -> ids("/api/v1/passes?memberId=" + survivor),
                found -> found.contains(pass));
        assertThat(ids("/api/v1/subscriptions?memberId=" + duplicate)).isEmpty();

        // a yoga class: the pilates membership does not cover it, the survivor's card pays; the answer names the id
        // the booking was made under
        UUID booking = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        PublishedEvents.publish(new SeatReserved(organization, lyon, session, booking, duplicate, "yoga",
                Instant.parse("2027-01-20T17:30:00Z"), 1, Instant.parse("2027-01-15T11:00:00Z")), session);
        try (TopicReader answers = new TopicReader(TestInfrastructure.kafkaBootstrapServers(),
                "palestra.subscriptions.events")) {
            ConsumerRecord<String, byte[]> answer = await().atMost(Duration.ofSeconds(30)).until(
                    () -> answers.matching(record -> booking.toString().equals(record.key())),
                    found -> !found.isEmpty()).get(0);
            assertThat(header(answer, "ce_type")).isEqualTo("palestra.subscriptions.CreditConsumed.v1");
            JsonNode paid = JSON.readTree(answer.value());
            assertThat(paid.get("payerId").asString()).isEqualTo(pass);
            assertThat(paid.get("memberId").asString()).isEqualTo(duplicate.toString());
        }

        UUID paris = UUID.randomUUID();
        PublishedEvents.publish(new SiteAdded(organization, paris, "Paris", "Europe/Paris", null), organization);
        PublishedEvents.publish(new MemberTransferred(organization, survivor, lyon, paris), survivor);
        await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/v1/subscriptions/" + subscription)
                .token(manager).send().json().get("siteId").asString().equals(paris.toString()));
    }

    private List<String> ids(String path) {
        return http().get(path).token(manager).send().json().get("items").findValuesAsString("id");
    }
}
