package io.palestra.billing;

import io.palestra.test.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Financial aid (bourses) on a real PostgreSQL and Kafka: granted by a manager, used at checkout for eligible purchases
 * only and never beyond what is left, given back when its payment is cancelled, left out of the cash report.
 */
class ScholarshipsIT extends BillingServiceTest {

    @Test
    void aidPaysTheEligiblePurchasesOfItsGranteeUpToWhatIsLeft() {
        UUID anne = UUID.randomUUID();
        UUID pack = classPack("Carte 10 cours", "120.00");
        assertThat(grant(anne, desk, "person", "[\"class-pack\"]", "50.00").status())
                .as("aid is granted by managers").isEqualTo(403);
        assertProblem(grant(anne, manager, "person", "[\"gift-card\"]", "50.00"), 400, "validation-failed");
        Http.Response granted = grant(anne, manager, "person", "[\"class-pack\"]", "50.00");
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        String aid = granted.json().get("scholarshipId").asString();
        assertThat(granted.json().get("remaining").get("amount").asString()).isEqualTo("50.00");

        String invoice = cart(anne);
        addLine(invoice, """
                {"kind": "class-pack", "reference": "%s", "startsOn": "2027-03-01"}""".formatted(pack));
        addLine(invoice, """
                {"kind": "shop-item", "description": "Gourde", "unitPrice": {"amount": "15.00", "currency": "EUR"},
                 "vatRate": "20.0"}""");
        assertProblem(payWithAid(invoice, aid, "10.00"), 422, "invoice-not-issued");
        issue(invoice);
        assertProblem(payWithAid(invoice, aid, "60.00"), 422, "scholarship-exceeded");
        assertProblem(http().post("/api/v1/invoices/" + invoice + "/payments", """
                {"method": "scholarship", "amount": {"amount": "10.00", "currency": "EUR"}}""").token(desk).send(),
                400, "validation-failed");

        assertProblem(payWithAid(invoice, aid, "-10.00"), 400, "validation-failed");
        assertProblem(http().post("/api/v1/invoices/" + invoice + "/payments", """
                {"method": "scholarship", "scholarshipId": "%s", "amount": {"amount": "10.00", "currency": "USD"}}"""
                .formatted(aid)).token(desk).send(), 400, "validation-failed");
        assertThat(aid(anne).get("remaining").get("amount").asString()).as("refused uses take nothing")
                .isEqualTo("50.00");
        Http.Response paid = payWithAid(invoice, aid, "50.00");
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(paid.json().get("balance").get("amount").asString()).isEqualTo("85.00");
        JsonNode spent = aid(anne);
        assertThat(spent.get("remaining").get("amount").asString()).isEqualTo("0.00");
        assertThat(spent.get("status").asString()).isEqualTo("spent");

        String payment = paid.json().get("payments").get(0).get("paymentId").asString();
        assertThat(http().post("/api/v1/invoices/" + invoice + "/payments/" + payment + "/cancellation",
                "{\"reason\": \"mauvaise bourse\"}").token(manager).send().status()).isEqualTo(200);
        assertThat(aid(anne).get("remaining").get("amount").asString()).as("given back").isEqualTo("50.00");

        UUID bruno = UUID.randomUUID();
        String hisAid = grant(bruno, manager, "person", "[]", "30.00").json().get("scholarshipId").asString();
        assertProblem(payWithAid(invoice, hisAid, "10.00"), 422, "scholarship-not-applicable");
        String accountAid = grant(anne, manager, "account", "[\"shop-item\"]", "100.00").json()
                .get("scholarshipId").asString();
        assertProblem(payWithAid(invoice, accountAid, "20.00"), 422, "scholarship-exceeded");
        assertThat(payWithAid(invoice, accountAid, "15.00").status()).as("the shop item, through the account")
                .isEqualTo(201);

        assertThat(http().get("/api/v1/payments/cash-report").token(desk).send().json().get("sites").get(0)
                .get("methods")).as("aid is not money in the drawer").isEmpty();
        JsonNode withdrawn = http().post("/api/v1/accounts/" + anne + "/scholarships/" + accountAid + "/withdrawal",
                "{\"reason\": \"fin de saison\"}").token(manager).send().json();
        assertThat(withdrawn.get("status").asString()).isEqualTo("withdrawn");
        assertThat(withdrawn.get("remaining").get("amount").asString()).isEqualTo("85.00");
        assertThat(http().get("/api/v1/accounts/" + anne + "/scholarships").token(token(UUID.randomUUID(), "manager"))
                .send().json().get("items")).as("another organisation").isEmpty();
    }

    private Http.Response grant(UUID member, String token, String scope, String kinds, String amount) {
        return http().post("/api/v1/accounts/" + member + "/scholarships", """
                {"name": "Pass'Sport 2027", "scope": "%s", "kinds": %s,
                 "amount": {"amount": "%s", "currency": "EUR"}, "validUntil": "2027-08-31"}"""
                .formatted(scope, kinds, amount)).token(token).send();
    }

    private Http.Response payWithAid(String invoice, String aid, String amount) {
        return http().post("/api/v1/invoices/" + invoice + "/payments", """
                {"method": "scholarship", "scholarshipId": "%s", "amount": {"amount": "%s", "currency": "EUR"}}"""
                .formatted(aid, amount)).token(desk).send();
    }

    private JsonNode aid(UUID member) {
        return http().get("/api/v1/accounts/" + member + "/scholarships").token(desk).send().json().get("items")
                .get(0);
    }
}
