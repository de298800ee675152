package io.palestra.billing;

import io.palestra.events.Price;
import io.palestra.events.subscriptions.InstallmentDue;
import io.palestra.test.Http;
import io.palestra.test.PublishedEvents;
import io.palestra.test.TopicReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Direct-debit mandates on a real PostgreSQL and Kafka: recorded with a valid IBAN and published without it, asked for
 * by e-mail, used by collections (the sandbox decides by the mandate's IBAN), and refused once revoked.
 */
class MandatesIT extends BillingServiceTest {

    private static final LocalDate MARCH_1 = LocalDate.parse("2027-03-01");

    @Test
    void aMandateIsRecordedAskedForPublishedWithoutItsIbanAndRevoked() {
        UUID anne = UUID.randomUUID();
        assertProblem(record(anne, "FR76 3000 6000 0112 3456 7890 188", null), 400, "validation-failed");
        assertProblem(record(anne, "FR76 3000 6000 0112 3456 7890 189", "2027-03-02"), 400, "validation-failed");
        assertThat(http().get("/api/v1/accounts/" + anne + "/mandates").token(desk).send().json().get("mandates"))
                .as("a refused mandate changes nothing").isEmpty();

        Http.Response recorded = record(anne, "fr76 3000 6000 0112 3456 7890 189", "2027-02-27");
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        JsonNode mandate = recorded.json();
        String reference = mandate.get("reference").asString();
        assertThat(reference).matches("RUM-2027-[A-Z0-9]{8}");
        assertThat(mandate.get("iban").asString()).isEqualTo("FR76 •••• 0189");
        assertThat(mandate.get("status").asString()).isEqualTo("active");
        assertProblem(http().post("/api/v1/accounts/" + anne + "/mandates", """
                {"iban": "DE89370400440532013000", "reference": "%s", "signedOn": "2027-03-01"}"""
                .formatted(reference)).token(desk).send(), 422, "mandate-reference-used");

        Http.Response asked = http().post("/api/v1/accounts/" + anne + "/mandate-requests",
                "{\"siteId\": \"" + lyon + "\"}").token(desk).send();
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        assertThat(asked.json().get("lastRequestedAt").asString()).isEqualTo("2027-03-01T08:00:00Z");

        List<JsonNode> published = await().atMost(Duration.ofSeconds(30)).until(() -> memberFacts(anne),
                facts -> facts.size() == 2);
        assertThat(published.get(0).get("reference").asString()).isEqualTo(reference);
        assertThat(published.get(0).get("ibanLast4").asString()).isEqualTo("0189");
        assertThat(published.get(0).toString()).as("the IBAN stays in billing").doesNotContain("30006000");
        assertThat(published.get(1).get("siteId").asString()).isEqualTo(lyon.toString());

        String mandateId = mandate.get("mandateId").asString();
        assertThat(http().post("/api/v1/accounts/" + UUID.randomUUID() + "/mandates/" + mandateId + "/revocation",
                "{\"reason\": \"?\"}").token(desk).send().status()).as("another member's mandate").isEqualTo(404);
        JsonNode revoked = http().post("/api/v1/accounts/" + anne + "/mandates/" + mandateId + "/revocation",
                "{\"reason\": \"changement de banque\"}").token(desk).send().json();
        assertThat(revoked.get("status").asString()).isEqualTo("revoked");
        assertProblem(http().post("/api/v1/accounts/" + anne + "/mandates/" + mandateId + "/revocation",
                "{\"reason\": \"encore\"}").token(desk).send(), 422, "mandate-revoked");
        assertThat(http().get("/api/v1/accounts/" + anne + "/mandates").token(token(UUID.randomUUID(), "manager"))
                .send().json().get("mandates")).as("another organisation").isEmpty();
    }

    @Test
    void collectionsDebitTheMandatesIbanAndARevokedMandateIsNotCollected() {
        UUID anne = UUID.randomUUID();
        String reference = record(anne, "GB33BUKB20201555555555", "2027-02-20").json().get("reference").asString();
        UUID first = UUID.randomUUID();
        PublishedEvents.publish(installment(first, anne, reference), first);
        JsonNode paid = await().atMost(Duration.ofSeconds(30)).until(() -> invoiceOf(anne, first),
                invoice -> invoice != null && "paid".equals(invoice.get("status").asString()));
        assertThat(paid.get("payments").get(0).get("method").asString()).isEqualTo("direct-debit");

        UUID bruno = UUID.randomUUID();
        String poor = record(bruno, "DE83 3704 0044 0532 0199 95", "2027-02-20").json().get("reference").asString();
        UUID second = UUID.randomUUID();
        PublishedEvents.publish(installment(second, bruno, poor), second);
        JsonNode refused = await().atMost(Duration.ofSeconds(30)).until(() -> invoiceOf(bruno, second),
                invoice -> invoice != null && invoice.path("collection").has("lastFailure"));
        assertThat(refused.get("collection").get("lastFailure").asString()).as("decided by the IBAN, not the RUM")
                .isEqualTo("insufficient-funds");
        UUID third0 = UUID.randomUUID();
        PublishedEvents.publish(installment(third0, anne, poor), third0);
        JsonNode notHers = await().atMost(Duration.ofSeconds(30)).until(() -> invoiceOf(anne, third0),
                invoice -> invoice != null && invoice.path("collection").has("lastFailure"));
        assertThat(notHers.get("collection").get("lastFailure").asString())
                .as("another member's mandate never debits their account for her").isEqualTo("mandate-missing");

        String mandateId = http().get("/api/v1/accounts/" + anne + "/mandates").token(desk).send().json()
                .get("mandates").get(0).get("mandateId").asString();
        http().post("/api/v1/accounts/" + anne + "/mandates/" + mandateId + "/revocation",
                "{\"reason\": \"révoqué par la banque\"}").token(desk).send();
        UUID third = UUID.randomUUID();
        PublishedEvents.publish(installment(third, anne, reference), third);
        JsonNode notCollected = await().atMost(Duration.ofSeconds(30)).until(() -> invoiceOf(anne, third),
                invoice -> invoice != null && invoice.path("collection").has("lastFailure"));
        assertThat(notCollected.get("collection").get("lastFailure").asString()).isEqualTo("mandate-revoked");
    }

    private Http.Response record(UUID member, String iban, String signedOn) {
        return http().post("/api/v1/accounts/" + member + "/mandates", """
                {"iban": "%s", "signedOn": "%s"}""".formatted(iban, signedOn == null ? "2027-03-01" : signedOn))
                .token(desk).send();
    }

    private List<JsonNode> memberFacts(UUID member) {
        return billingTopic.matching(record -> member.toString().equals(record.key())).stream()
                .filter(record -> TopicReader.header(record, "ce_type").startsWith("palestra.billing.Mandate"))
                .map(record -> JSON.readTree(record.value())).toList();
    }

    private JsonNode invoiceOf(UUID member, UUID subscription) {
        JsonNode items = http().get("/api/v1/invoices?memberId=" + member).token(manager).send().json().get("items");
        return items.valueStream().filter(invoice -> subscription.toString().equals(invoice.path("subscriptionId")
                .asString(""))).findFirst().map(invoice -> http().get("/api/v1/invoices/" + invoice.get("invoiceId")
                .asString()).token(manager).send().json()).orElse(null);
    }

    private InstallmentDue installment(UUID subscription, UUID member, String reference) {
        Price price = new Price(new BigDecimal("49.00"), "EUR");
        return new InstallmentDue(organization, subscription, member, lyon, UUID.randomUUID(), 0, MARCH_1, MARCH_1,
                MARCH_1.plusMonths(1).minusDays(1), List.of(new InstallmentDue.Line("membership", "Illimité, mars",
                price)), price, new BigDecimal("20.0"), "direct-debit", reference, TODAY);
    }
}
