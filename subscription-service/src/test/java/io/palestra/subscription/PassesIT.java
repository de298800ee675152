package io.palestra.subscription;

import io.palestra.events.Price;
import io.palestra.events.billing.CreditNoteIssued;
import io.palestra.events.billing.InvoiceIssued;
import io.palestra.test.Http;
import io.palestra.test.PublishedEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Passes through the API, on a real PostgreSQL and Kafka: issue, read, ledger, desk and manager changes, expiry. */
class PassesIT extends SubscriptionServiceTest {

    private static final String CARD = """
            {"name": "Carte 10 cours", "price": {"amount": "120", "currency": "EUR"}, "vatRate": 20, "credits": 10,
             "validityDays": 30, "activation": "sale"}""";

    @Test
    void aDeskIssuesAPassAndDeductsAManagerAdjustsExtendsAndCancelsAndTheLedgerExplainsIt() {
        String plan = publishedPlan("class-pack", CARD);
        UUID member = UUID.randomUUID();
        String frontDesk = token(organization, "front-desk");

        Http.Response issued = http().post("/api/v1/passes", """
                {"memberId": "%s", "planId": "%s", "saleReference": "F-2027-0001"}""".formatted(member, plan))
                .token(frontDesk).send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String pass = issued.json().get("id").asString();
        assertThat(issued.header("Location")).contains("/api/v1/passes/" + pass);
        assertThat(issued.json().get("balance").asInt()).isEqualTo(10);
        assertThat(issued.json().get("validUntil").asString()).isEqualTo("2027-02-13");
        assertThat(issued.json().get("status").asString()).isEqualTo("active");

        Http.Response deducted = http().post("/api/v1/passes/" + pass + "/deductions", """
                {"credits": 2, "reason": "came with a friend"}""").token(frontDesk).send();
        assertThat(deducted.json().get("balance").asInt()).as(deducted.toString()).isEqualTo(8);
        assertThat(http().post("/api/v1/passes/" + pass + "/adjustments", """
                {"credits": 1, "reason": "goodwill"}""").token(frontDesk).send().status()).isEqualTo(403);
        String etag = http().get("/api/v1/passes/" + pass).token(manager).send().header("ETag").orElseThrow();
        Http.Response adjusted = http().post("/api/v1/passes/" + pass + "/adjustments", """
                {"credits": -8, "reason": "sold twice"}""").header("If-Match", etag).token(manager).send();
        assertThat(adjusted.json().get("balance").asInt()).isZero();
        assertThat(adjusted.json().get("status").asString()).isEqualTo("used-up");
        assertProblem(http().post("/api/v1/passes/" + pass + "/adjustments", """
                {"credits": 1, "reason": "stale"}""").header("If-Match", etag).token(manager).send(), 412,
                "precondition-failed");
        assertProblem(http().post("/api/v1/passes/" + pass + "/deductions", """
                {"credits": 1, "reason": "one more"}""").token(frontDesk).send(), 422, "no-credits-left");
        assertThat(statuses(member, "active")).isEmpty();

        Http.Response extended = http().post("/api/v1/passes/" + pass + "/extension", """
                {"validUntil": "2027-03-31", "reason": "closed for works"}""").token(manager).send();
        assertThat(extended.json().get("validUntil").asString()).isEqualTo("2027-03-31");
        Http.Response cancelled = http().post("/api/v1/passes/" + pass + "/cancellation", """
                {"reason": "refunded"}""").token(manager).send();
        assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");

        JsonNode ledger = http().get("/api/v1/passes/" + pass + "/ledger").token(frontDesk).send().json();
        assertThat(ledger.get("entries").findValuesAsString("movement")).containsExactly("issue", "deduct", "adjust");
        assertThat(ledger.get("entries").get(1).get("to").asString()).isEqualTo("attendance");
        assertThat(ledger.get("entries").get(1).get("reason").asString()).isEqualTo("came with a friend");
        assertThat(ledger.get("entries").get(2).get("actor").asString()).isEqualTo("alice");

        Http.Response personal = http().get("/api/v1/personal-data/members/" + member).token(manager).send();
        assertThat(personal.status()).as(personal.toString()).isEqualTo(200);
        assertThat(personal.json().get("sections").get("passes").findValuesAsString("movement"))
                .containsExactly("issue", "deduct", "adjust");
    }

    @Test
    void aPassExpiresAtTheEndOfItsLastDayOnItsOwn() {
        String plan = publishedPlan("class-pack", CARD);
        String pass = http().post("/api/v1/passes", """
                {"memberId": "%s", "planId": "%s", "saleReference": "F-2027-0002"}""".formatted(UUID.randomUUID(),
                plan)).token(manager).send().json().get("id").asString();

        clock.set(Instant.parse("2027-02-13T22:59:59Z"));
        wakeups.wakeDue();
        assertThat(get(pass).get("status").asString()).isEqualTo("active");
        clock.set(Instant.parse("2027-02-13T23:00:00Z"));
        wakeups.wakeDue();

        JsonNode ledger = await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/v1/passes/" + pass
                + "/ledger").token(manager).send().json(), found -> found.get("entries").size() == 2);
        assertThat(ledger.get("entries").get(1).get("movement").asString()).isEqualTo("expire");
        assertThat(ledger.get("entries").get(1).get("credits").asInt()).isEqualTo(10);
        await().atMost(Duration.ofSeconds(30)).until(() -> get(pass).get("status").asString().equals("expired"));
    }

    @Test
    void badRequestsAreRefusedAndAnotherOrganisationSeesNoPass() {
        String plan = publishedPlan("class-pack", CARD);
        String membership = publishedPlan("membership", """
                {"name": "Illimité", "price": {"amount": "49", "currency": "EUR"}, "vatRate": 20,
                 "period": "monthly"}""");
        assertProblem(http().post("/api/v1/passes", """
                {"memberId": "%s", "planId": "%s"}""".formatted(UUID.randomUUID(), plan)).token(manager).send(),
                400, "validation-failed");
        assertProblem(http().post("/api/v1/passes", """
                {"memberId": "%s", "planId": "%s", "saleReference": "F-1"}""".formatted(UUID.randomUUID(),
                membership)).token(manager).send(), 422, "not-a-pack");
        assertProblem(http().post("/api/v1/passes", """
                {"memberId": "%s", "planId": "%s", "saleReference": "F-1", "validFrom": "2027-03-01"}"""
                .formatted(UUID.randomUUID(), plan)).token(manager).send(), 400, "validation-failed");
        assertProblem(http().get("/api/v1/passes?status=sleeping").token(manager).send(), 400, "validation-failed");

        UUID member = UUID.randomUUID();
        String pass = http().post("/api/v1/passes", """
                {"memberId": "%s", "planId": "%s", "saleReference": "F-2"}""".formatted(member, plan))
                .token(manager).send().json().get("id").asString();
        String stranger = token(UUID.randomUUID(), "owner");
        assertThat(http().get("/api/v1/passes/" + pass).token(stranger).send().status()).isEqualTo(404);
        assertThat(http().get("/api/v1/passes/" + pass + "/ledger").token(stranger).send().status()).isEqualTo(404);
        assertThat(http().post("/api/v1/passes/" + pass + "/cancellation", """
                {"reason": "x"}""").token(stranger).send().status()).isEqualTo(404);
        assertThat(http().get("/api/v1/passes?memberId=" + member).token(stranger).send().json().get("items"))
                .isEmpty();
        assertThat(http().get("/api/v1/passes?memberId=" + member).token(token(organization, "coach")).send()
                .json().get("items").findValuesAsString("id")).containsExactly(pass);
    }

    @Test
    void packsSoldOnAnInvoiceAreIssuedOnceAndCancelledByItsCreditNote() {
        String plan = publishedPlan("class-pack", CARD);
        UUID member = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        InvoiceIssued.Line packs = new InvoiceIssued.Line(UUID.randomUUID(), "class-pack", UUID.fromString(plan),
                "Carte 10 cours", 2, eur("240.00"), new BigDecimal("20.0"), null, null);
        InvoiceIssued.Line bottle = new InvoiceIssued.Line(UUID.randomUUID(), "shop-item", null, "Gourde", 1,
                eur("12.00"), new BigDecimal("5.5"), null, null);
        InvoiceIssued issued = new InvoiceIssued(organization, lyon, invoice, "F-000042", member, LocalDate.of(2027, 1,
                15), LocalDate.of(2027, 1, 15), List.of(packs, bottle), eur("252.00"), List.of(), null, null, TODAY);
        PublishedEvents.publish(issued, invoice);
        PublishedEvents.publish(issued, invoice);

        List<JsonNode> passes = await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/v1/passes"
                + "?memberId=" + member).token(manager).send().json().get("items").valueStream().toList(),
                found -> found.size() == 2);
        assertThat(passes).allSatisfy(pass -> {
            assertThat(pass.get("saleReference").asString()).isEqualTo("F-000042");
            assertThat(pass.get("balance").asInt()).isEqualTo(10);
            assertThat(pass.get("status").asString()).isEqualTo("active");
        });

        CreditNoteIssued credited = new CreditNoteIssued(organization, lyon, invoice, "F-000042", UUID.randomUUID(),
                "AV-000001", member, List.of(packs), eur("240.00"), List.of(), false, "vendu par erreur", TODAY);
        PublishedEvents.publish(credited, invoice);
        PublishedEvents.publish(credited, invoice);
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(member, "cancelled").size() == 2);
        assertThat(statuses(member, "active")).isEmpty();
        assertThat(get(passes.get(0).get("id").asString()).get("balance").asInt()).isZero();
    }

    private JsonNode get(String pass) {
        return http().get("/api/v1/passes/" + pass).token(manager).send().json();
    }

    private static Price eur(String amount) {
        return new Price(new BigDecimal(amount), "EUR");
    }

    private List<String> statuses(UUID member, String status) {
        return http().get("/api/v1/passes?memberId=" + member + "&status=" + status).token(manager).send().json()
                .get("items").findValuesAsString("status");
    }
}
