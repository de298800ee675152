package io.palestra.billing;

import io.palestra.test.Http;
import io.palestra.test.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gift cards on a real PostgreSQL and Kafka: sold at the desk, one card and one e-mail per unit; put once on a
 * member's account, which then pays with it; sent again while unused; unusable once expired or its sale credited.
 */
class GiftCardsIT extends BillingServiceTest {

    @Test
    void giftCardsSoldAtTheDeskAreUsedOnceOnAnAccountAndNeverAfterTheirDate() {
        UUID buyer = UUID.randomUUID();
        String invoice = cart(buyer);
        assertProblem(http().post("/api/v1/invoices/" + invoice + "/lines", """
                {"kind": "gift-card", "quantity": 2, "unitPrice": {"amount": "50.00", "currency": "EUR"},
                 "vatRate": "20.0"}""").token(desk).send(), 400, "validation-failed");
        JsonNode cart = addLine(invoice, """
                {"kind": "gift-card", "quantity": 2, "unitPrice": {"amount": "50.00", "currency": "EUR"}}""");
        assertThat(cart.get("lines").get(0).get("description").asString()).isEqualTo("Carte cadeau");
        assertThat(cart.get("totals").get("vat").get(0).get("vat").get("amount").asString()).isEqualTo("0.00");
        issue(invoice);
        assertThat(pay(invoice, "card-terminal", "100.00").status()).isEqualTo(201);

        List<JsonNode> cards = await().until(() -> http().get("/api/v1/gift-cards?invoiceId=" + invoice).token(desk)
                .send().json().get("items").valueStream().toList(), found -> found.size() == 2);
        assertThat(cards).allSatisfy(card -> {
            assertThat(card.get("status").asString()).isEqualTo("unused");
            assertThat(card.get("balance").get("amount").asString()).isEqualTo("50.00");
            assertThat(card.get("expiresOn").asString()).isEqualTo("2028-02-29");
        });
        String code = cards.get(0).get("code").asString();
        await().until(() -> sent(cards.get(0).get("giftCardId").asString()).size() == 1);
        assertThat(sent(cards.get(0).get("giftCardId").asString()).get(0).get("code").asString()).isEqualTo(code);

        UUID camille = UUID.randomUUID();
        Http.Response activated = activate(code.toLowerCase(), camille);
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        assertThat(activated.json().get("status").asString()).isEqualTo("used");
        assertThat(activated.json().get("balance").get("amount").asString()).isEqualTo("0.00");
        assertProblem(activate(code, UUID.randomUUID()), 422, "gift-card-used");
        assertProblem(activate("GC-0000-0000-0000", camille), 404, "gift-card-not-found");
        await().until(() -> http().get("/api/v1/accounts/" + camille).token(desk).send().json().get("balance")
                .get("amount").asString().equals("50.00"));
        assertThat(http().get("/api/v1/accounts/" + camille).token(desk).send().json().get("entries").get(0)
                .get("cause").asString()).isEqualTo("gift-card");

        String other = cards.get(1).get("giftCardId").asString();
        Http.Response again = http().post("/api/v1/gift-cards/" + other + "/sending",
                "{\"recipientEmail\": \"camille@example.org\"}").token(desk).send();
        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        await().until(() -> sent(other).size() == 2);
        assertThat(sent(other).get(1).get("recipientEmail").asString()).isEqualTo("camille@example.org");
        assertProblem(http().post("/api/v1/gift-cards/" + cards.get(0).get("giftCardId").asString() + "/sending", "{}")
                .token(desk).send(), 422, "gift-card-used");

        clock.advance(Duration.ofDays(367));
        assertProblem(activate(cards.get(1).get("code").asString(), camille), 422, "gift-card-expired");
        assertThat(http().get("/api/v1/gift-cards?status=expired").token(desk).send().json().get("items"))
                .hasSize(1);
    }

    @Test
    void aCreditNoteOnTheSaleCancelsItsUnusedCards() {
        String invoice = cart(UUID.randomUUID());
        addLine(invoice, """
                {"kind": "gift-card", "unitPrice": {"amount": "30.00", "currency": "EUR"}}""");
        issue(invoice);
        String code = await().until(() -> http().get("/api/v1/gift-cards?invoiceId=" + invoice).token(desk).send()
                .json().get("items"), found -> found.size() == 1).get(0).get("code").asString();
        assertThat(http().post("/api/v1/invoices/" + invoice + "/credit-notes", "{\"reason\": \"annulée\"}")
                .token(manager).send().status()).isEqualTo(201);
        await().until(() -> http().get("/api/v1/gift-cards?code=" + code).token(desk).send().json().get("items")
                .get(0).get("status").asString().equals("cancelled"));
        assertProblem(activate(code, UUID.randomUUID()), 422, "gift-card-cancelled");
    }

    private Http.Response activate(String code, UUID member) {
        return http().post("/api/v1/gift-cards/activation", """
                {"code": "%s", "memberId": "%s", "siteId": "%s"}""".formatted(code, member, lyon)).token(desk).send();
    }

    private List<JsonNode> sent(String giftCard) {
        return billingTopic.matching(record -> giftCard.equals(record.key())
                        && "palestra.billing.GiftCardSent.v1".equals(TopicReader.header(record, "ce_type")))
                .stream().map(record -> JSON.readTree(record.value())).toList();
    }
}
