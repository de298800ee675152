package io.palestra.e2e;

import io.palestra.test.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Billing journeys through the gateway, with every service running: a class pack and a shop item sold at the desk
 * with a promotion code, paid half by card and half from the member's wallet, printed as a PDF, the shop item
 * credited and refunded, the pass issued by subscription-service; a monthly membership whose installments the
 * member's bank refuses at first, the subscription needing attention until staff collect them again, then active; a
 * mandate recorded at the desk ending a subscription's "needs mandate", and a backdated sale paid by financial aid,
 * cash on the day of the sale and a postdated cheque.
 */
class BillingJourneysIT {

    private static BenchmarkPlatform platform;
    private static Http gateway;
    private static UUID organization;
    private static UUID lyon;
    private static String owner;
    private static String frontDesk;

    @BeforeAll
    static void startThePlatformWithAClub() throws IOException {
        platform = BenchmarkPlatform.shared();
        gateway = platform.gateway();
        BenchmarkPlatform.Club club = platform.club("Urban Move");
        organization = club.organization();
        lyon = club.lyon();
        owner = token("owner");
        frontDesk = token("front-desk");
    }

    @Test
    void aPackAndAShopItemWithAPromotionArePaidByCardAndWalletPrintedRefundedAndThePassIsIssued() {
        String pack = publishedPlan("""
                {"kind": "class-pack", "terms": {"name": "Carte 10 cours", "price": {"amount": "120", "currency": "EUR"},
                 "vatRate": 20, "credits": 10, "validityDays": 365, "activation": "sale"}}""");
        Http.Response item = await().atMost(Duration.ofSeconds(60)).until(() -> gateway.post("/api/v1/products", """
                {"name": "Gourde", "unitPrice": {"amount": "15.00", "currency": "EUR"}, "vatRate": "20.0",
                 "stock": 5}""").token(owner).send(), answer -> answer.status() != 422);
        assertThat(item.status()).as(item.toString()).isEqualTo(201);
        String bottle = item.json().get("productId").asString();
        Http.Response promotion = gateway.post("/api/v1/promotions", """
                {"code": "BIENVENUE", "name": "Bienvenue", "discount": {"percent": "10"}, "maxUses": 100,
                 "appliesTo": ["%s"]}""".formatted(pack)).token(owner).send();
        assertThat(promotion.status()).as(promotion.toString()).isEqualTo(201);
        UUID member = member("Léa", "Roux");
        Http.Response toppedUp = gateway.post("/api/v1/accounts/" + member + "/top-ups", """
                {"siteId": "%s", "amount": {"amount": "70.00", "currency": "EUR"}, "method": "cash"}"""
                .formatted(lyon)).token(frontDesk).send();
        assertThat(toppedUp.status()).as(toppedUp.toString()).isEqualTo(201);

        String invoice = gateway.post("/api/v1/invoices", """
                {"siteId": "%s", "memberId": "%s"}""".formatted(lyon, member)).token(frontDesk).send().json()
                .get("invoiceId").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.post("/api/v1/invoices/" + invoice + "/lines", """
                {"kind": "class-pack", "reference": "%s"}""".formatted(pack)).token(frontDesk).send(),
                answer -> answer.status() == 201);
        Http.Response withBottle = gateway.post("/api/v1/invoices/" + invoice + "/lines", """
                {"kind": "shop-item", "reference": "%s"}""".formatted(bottle)).token(frontDesk).send();
        assertThat(withBottle.status()).as(withBottle.toString()).isEqualTo(201);
        String bottleLine = withBottle.json().get("lines").get(1).get("lineId").asString();
        Http.Response discounted = gateway.put("/api/v1/invoices/" + invoice + "/promotion",
                "{\"code\": \"bienvenue\"}").token(frontDesk).send();
        assertThat(discounted.status()).as(discounted.toString()).isEqualTo(200);
        assertThat(discounted.json().get("totals").get("total").get("amount").asString()).isEqualTo("123.00");

        Http.Response issued = gateway.post("/api/v1/invoices/" + invoice + "/issue", "{}").token(frontDesk).send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/v1/products/" + bottle)
                .token(frontDesk).send().json().get("stock").asInt() == 4);
        String number = issued.json().get("number").asString();
        assertThat(number).matches("F-\\d{6}");
        Http.Response link = gateway.post("/api/v1/invoices/" + invoice + "/payment-link", "{}").token(frontDesk)
                .send();
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        Http.Response opened = gateway.get("/api/v1/payments/links/" + link.json().get("token").asString()).send();
        assertThat(opened.status()).as("a member opens the link through the gateway without a token")
                .isEqualTo(200);
        assertThat(opened.json().get("amount").get("amount").asString()).isEqualTo("123.00");
        assertThat(pay(invoice, "card-terminal", "61.50").json().get("status").asString())
                .isEqualTo("partially-paid");
        assertThat(pay(invoice, "wallet", "61.50").json().get("status").asString()).isEqualTo("paid");
        assertThat(gateway.get("/api/v1/accounts/" + member).token(frontDesk).send().json().get("balance")
                .get("amount").asString()).isEqualTo("8.50");

        Http.Response pdf = gateway.get("/api/v1/invoices/" + invoice + "/pdf").token(frontDesk).send();
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.bytes(), 0, 5)).isEqualTo("%PDF-");
        assertThat(gateway.get("/api/v1/invoices/" + invoice + "/pdf").token(owner).send().bytes())
                .isEqualTo(pdf.bytes());

        Http.Response credited = gateway.post("/api/v1/invoices/" + invoice + "/credit-notes", """
                {"lineIds": ["%s"], "reason": "Gourde rendue"}""".formatted(bottleLine)).token(owner).send();
        assertThat(credited.status()).as(credited.toString()).isEqualTo(201);
        assertThat(credited.json().get("refundable").get("amount").asString()).isEqualTo("15.00");
        Http.Response refunded = gateway.post("/api/v1/invoices/" + invoice + "/refunds", """
                {"method": "card-terminal", "amount": {"amount": "15.00", "currency": "EUR"},
                 "reason": "Gourde rendue"}""").token(owner).send();
        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(201);
        assertThat(refunded.json().get("refundable").get("amount").asString()).isEqualTo("0.00");
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/v1/products/" + bottle)
                .token(frontDesk).send().json().get("stock").asInt() == 5);

        JsonNode pass = await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/v1/passes?memberId="
                + member).token(frontDesk).send().json().get("items"), items -> items.size() == 1).get(0);
        assertThat(pass.get("saleReference").asString()).isEqualTo(number);
        assertThat(pass.get("planId").asString()).isEqualTo(pack);
        assertThat(pass.get("balance").asInt()).isEqualTo(10);
        assertThat(pass.get("status").asString()).as("crediting the bottle leaves the pack sold").isEqualTo("active");
    }

    @Test
    void refusedInstallmentsMakeTheSubscriptionNeedAttentionUntilStaffCollectThemAgain() {
        String plan = publishedPlan("""
                {"kind": "membership", "terms": {"name": "Illimité", "price": {"amount": "49", "currency": "EUR"},
                 "vatRate": 20, "period": "monthly"}}""");
        UUID member = member("Hugo", "Lemaire");
        LocalDate start = LocalDate.now(ZoneId.of("Europe/Paris")).minusMonths(1);
        Http.Response subscribed = await().atMost(Duration.ofSeconds(60)).until(() -> gateway.post(
                "/api/v1/subscriptions", """
                        {"memberId": "%s", "planId": "%s", "siteId": "%s", "startsOn": "%s",
                         "paymentMethod": {"type": "direct-debit", "reference": "FR76-MANDATE-0341"}}"""
                        .formatted(member, plan, lyon, start)).token(frontDesk).send(),
                answer -> answer.status() != 404 && answer.status() != 422);
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
        String subscription = subscribed.json().get("id").asString();

        List<JsonNode> failed = await().atMost(Duration.ofSeconds(60)).until(() -> invoices(member),
                found -> found.size() == 2 && found.stream().allMatch(invoice -> invoice.has("collection")
                        && invoice.get("collection").has("lastFailure")));
        assertThat(failed).allSatisfy(invoice -> {
            assertThat(invoice.get("collection").get("lastFailure").asString()).isEqualTo("insufficient-funds");
            assertThat(invoice.get("subscriptionId").asString()).isEqualTo(subscription);
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> status(subscription).equals("needs-attention"));
        JsonNode second = failed.stream().filter(invoice -> invoice.get("installmentNumber").asInt() == 1)
                .findFirst().orElseThrow();
        assertThat(second.get("invoiceDate").asString()).isEqualTo(start.plusMonths(1).toString());

        for (JsonNode invoice : failed) {
            Http.Response again = gateway.post("/api/v1/invoices/" + invoice.get("invoiceId").asString()
                    + "/collection", "{}").token(frontDesk).send();
            assertThat(again.status()).as(again.toString()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> invoices(member).stream()
                .allMatch(invoice -> invoice.get("status").asString().equals("paid")));
        await().atMost(Duration.ofSeconds(60)).until(() -> status(subscription).equals("active-recurring"));
    }

    @Test
    void aMandateRecordedAtTheDeskEndsNeedsMandateAndAidWithAPostdatedChequePayABackdatedSale() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        String membership = publishedPlan("""
                {"kind": "membership", "terms": {"name": "Yoga", "price": {"amount": "39", "currency": "EUR"},
                 "vatRate": 20, "period": "monthly"}}""");
        UUID member = member("Inès", "Moreau");
        Http.Response subscribed = await().atMost(Duration.ofSeconds(60)).until(() -> gateway.post(
                "/api/v1/subscriptions", """
                        {"memberId": "%s", "planId": "%s", "siteId": "%s", "startsOn": "%s",
                         "paymentMethod": {"type": "direct-debit"}}"""
                        .formatted(member, membership, lyon, today.plusMonths(1))).token(frontDesk).send(),
                answer -> answer.status() != 404 && answer.status() != 422);
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
        String subscription = subscribed.json().get("id").asString();
        assertThat(subscribed.json().get("needsMandate").asBoolean()).isTrue();

        assertThat(gateway.post("/api/v1/accounts/" + member + "/mandate-requests", "{}").token(frontDesk).send()
                .status()).as("the member is asked by e-mail").isEqualTo(202);
        Http.Response mandate = gateway.post("/api/v1/accounts/" + member + "/mandates", """
                {"iban": "FR76 3000 6000 0112 3456 7890 189", "signedOn": "%s"}""".formatted(today))
                .token(frontDesk).send();
        assertThat(mandate.status()).as(mandate.toString()).isEqualTo(201);
        String reference = mandate.json().get("reference").asString();
        JsonNode covered = await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/v1/subscriptions/"
                + subscription).token(frontDesk).send().json(), found -> !found.get("needsMandate").asBoolean());
        assertThat(covered.get("paymentMethod").get("reference").asString()).isEqualTo(reference);

        String pack = publishedPlan("""
                {"kind": "class-pack", "terms": {"name": "Carte jeunes", "price": {"amount": "120", "currency": "EUR"},
                 "vatRate": 20, "credits": 10, "validityDays": 365, "activation": "sale"}}""");
        Http.Response aid = gateway.post("/api/v1/accounts/" + member + "/scholarships", """
                {"name": "Pass'Sport", "scope": "person", "kinds": ["class-pack"],
                 "amount": {"amount": "30.00", "currency": "EUR"}}""").token(owner).send();
        assertThat(aid.status()).as(aid.toString()).isEqualTo(201);
        String invoice = gateway.post("/api/v1/invoices", """
                {"siteId": "%s", "memberId": "%s"}""".formatted(lyon, member)).token(frontDesk).send().json()
                .get("invoiceId").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> gateway.post("/api/v1/invoices/" + invoice + "/lines", """
                {"kind": "class-pack", "reference": "%s"}""".formatted(pack)).token(frontDesk).send(),
                answer -> answer.status() == 201);
        LocalDate soldOn = today.minusDays(14);
        assertThat(gateway.post("/api/v1/invoices/" + invoice + "/issue", """
                {"invoiceDate": "%s", "dueOn": "%s"}""".formatted(soldOn, today.plusDays(30))).token(frontDesk)
                .send().status()).isEqualTo(200);
        Http.Response byAid = gateway.post("/api/v1/invoices/" + invoice + "/payments", """
                {"method": "scholarship", "scholarshipId": "%s", "amount": {"amount": "30.00", "currency": "EUR"}}"""
                .formatted(aid.json().get("scholarshipId").asString())).token(frontDesk).send();
        assertThat(byAid.status()).as(byAid.toString()).isEqualTo(201);

        Http.Response plan = gateway.post("/api/v1/invoices/" + invoice + "/payment-plan", """
                {"payments": [{"dueOn": "%s", "amount": {"amount": "40.00", "currency": "EUR"}, "method": "cash"},
                              {"dueOn": "%s", "amount": {"amount": "50.00", "currency": "EUR"}, "method": "cheque",
                               "reference": "chèque 0000451"}]}""".formatted(soldOn, today.plusDays(30)))
                .token(frontDesk).send();
        assertThat(plan.status()).as(plan.toString()).isEqualTo(201);
        JsonNode sold = gateway.get("/api/v1/invoices/" + invoice).token(frontDesk).send().json();
        assertThat(sold.get("status").asString()).isEqualTo("partially-paid");
        assertThat(sold.get("balance").get("amount").asString()).isEqualTo("50.00");
        assertThat(gateway.get("/api/v1/payments/upcoming?memberId=" + member).token(frontDesk).send().json()
                .get("items")).singleElement().satisfies(upcoming -> {
                    assertThat(upcoming.get("method").asString()).isEqualTo("cheque");
                    assertThat(upcoming.get("dueOn").asString()).isEqualTo(today.plusDays(30).toString());
                });
        JsonNode thatDay = gateway.get("/api/v1/payments/cash-report?siteId=" + lyon + "&date=" + soldOn)
                .token(frontDesk).send().json();
        assertThat(thatDay.get("net").get("amount").asString()).as("the cash counted the day of the sale")
                .isEqualTo("40.00");
        Http.Response file = gateway.get("/api/v1/payments/export?memberId=" + member + "&format=xlsx").token(owner)
                .send();
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("spreadsheetml"));
        JsonNode pass = await().atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/api/v1/passes?memberId="
                + member).token(frontDesk).send().json().get("items"), items -> items.size() == 1).get(0);
        assertThat(pass.get("balance").asInt()).isEqualTo(10);
    }

    private static String publishedPlan(String body) {
        Http.Response drafted = await().atMost(Duration.ofSeconds(60)).until(
                () -> gateway.post("/api/v1/plans", body).token(owner).send(), answer -> answer.status() != 422);
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        String plan = drafted.json().get("id").asString();
        assertThat(gateway.post("/api/v1/plans/" + plan + "/publication", "").token(owner).send().status())
                .isEqualTo(200);
        return plan;
    }

    private static UUID member(String firstName, String lastName) {
        Http.Response registered = gateway.post("/api/v1/members", """
                {"siteId": "%s", "firstName": "%s", "lastName": "%s"}""".formatted(lyon, firstName, lastName))
                .token(frontDesk).send();
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return UUID.fromString(registered.json().get("id").asString());
    }

    private static Http.Response pay(String invoice, String method, String amount) {
        Http.Response paid = gateway.post("/api/v1/invoices/" + invoice + "/payments", """
                {"method": "%s", "amount": {"amount": "%s", "currency": "EUR"}}""".formatted(method, amount))
                .token(frontDesk).send();
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        return paid;
    }

    private static List<JsonNode> invoices(UUID member) {
        return gateway.get("/api/v1/invoices?memberId=" + member).token(frontDesk).send().json().get("items")
                .valueStream().toList();
    }

    private static String status(String subscription) {
        return gateway.get("/api/v1/subscriptions/" + subscription).token(frontDesk).send().json().get("status")
                .asString();
    }

    private static String token(String role) {
        return platform.token(organization, role);
    }
}
