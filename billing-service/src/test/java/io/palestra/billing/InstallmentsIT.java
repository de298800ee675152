package io.palestra.billing;

import io.palestra.events.Price;
import io.palestra.events.subscriptions.InstallmentDue;
import io.palestra.platform.timing.WakeupPoller;
import io.palestra.test.Http;
import io.palestra.test.PublishedEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Installments from subscription-service on a real PostgreSQL and Kafka: one invoice per installment however often it
 * arrives, collected by the sandbox provider; a failed direct debit published with the dunning plan's next attempt,
 * retried when it comes, and then paid.
 */
class InstallmentsIT extends BillingServiceTest {

    private static final LocalDate MARCH_1 = LocalDate.parse("2027-03-01");

    @Autowired
    private WakeupPoller wakeups;

    @Test
    void anInstallmentDueTwiceMakesOneInvoicePaidByItsDirectDebit() {
        UUID anne = UUID.randomUUID();
        UUID subscription = UUID.randomUUID();
        InstallmentDue due = installment(subscription, anne, 0, "FR7630006000011234567890189");
        PublishedEvents.publish(due, subscription);
        PublishedEvents.publish(due, subscription);

        JsonNode invoice = await().atMost(Duration.ofSeconds(30)).until(() -> invoices(anne),
                found -> found.size() == 1 && "paid".equals(found.get(0).get("status").asString())).get(0);
        assertThat(invoice.get("subscriptionId").asString()).isEqualTo(subscription.toString());
        assertThat(invoice.get("totals").get("total").get("amount").asString()).isEqualTo("69.00");
        assertThat(invoice.get("discount").get("reason").asString()).isEqualTo("Offre de rentrée");
        String id = invoice.get("invoiceId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> published(id, "InvoicePaid").size() == 1);
        assertThat(published(id, "InvoicePaid")).singleElement().satisfies(paid -> {
            assertThat(paid.get("subscriptionId").asString()).isEqualTo(subscription.toString());
            assertThat(paid.get("installmentNumber").asInt()).isZero();
        });
        assertThat(http().get("/api/v1/invoices/" + id).token(manager).send().json().get("payments"))
                .singleElement().satisfies(payment ->
                        assertThat(payment.get("method").asString()).isEqualTo("direct-debit"));
    }

    @Test
    void aFailedDirectDebitIsPublishedRetriedOnTheDunningPlanAndThenPaid() {
        UUID anne = UUID.randomUUID();
        UUID subscription = UUID.randomUUID();
        PublishedEvents.publish(installment(subscription, anne, 1, "MANDATE-0341"), subscription);

        JsonNode failed = await().atMost(Duration.ofSeconds(30)).until(() -> invoices(anne),
                found -> found.size() == 1 && found.get(0).has("collection")
                        && found.get(0).get("collection").has("lastFailure")).get(0);
        String id = failed.get("invoiceId").asString();
        assertThat(failed.get("status").asString()).isEqualTo("issued");
        assertThat(failed.get("collection").get("nextAttemptOn").asString()).isEqualTo("2027-03-04");
        await().until(() -> published(id, "PaymentFailed").size() == 1);
        assertThat(published(id, "PaymentFailed").get(0).get("reason").asString()).isEqualTo("insufficient-funds");
        assertThat(published(id, "PaymentFailed").get(0).get("nextAttemptOn").asString()).isEqualTo("2027-03-04");

        assertThat(http().get("/api/v1/payments/failed?memberId=" + anne).token(desk).send().json().get("items"))
                .as("the failed-payment list").singleElement().satisfies(listed -> {
                    assertThat(listed.get("invoiceId").asString()).isEqualTo(id);
                    assertThat(listed.get("collection").get("lastFailure").asString())
                            .isEqualTo("insufficient-funds");
                });
        assertThat(http().get("/api/v1/payments/failed/export?memberId=" + anne).token(manager).send().body()
                .lines().skip(1)).singleElement().satisfies(row ->
                assertThat(row).startsWith(id + ",F-").contains(",1,insufficient-funds,2027-03-04,false,"));

        assertThat(wakeAt(id)).containsExactly(Instant.parse("2027-03-03T23:00:00Z"));
        clock.set(TODAY.plus(Duration.ofDays(2)));
        wakeups.wakeDue();
        assertThat(wakeAt(id)).as("not due yet").containsExactly(Instant.parse("2027-03-03T23:00:00Z"));
        clock.set(TODAY.plus(Duration.ofDays(3)));
        wakeups.wakeDue();
        await().atMost(Duration.ofSeconds(30)).until(() -> published(id, "InvoicePaid").size() == 1);
        JsonNode paid = await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/v1/invoices/" + id)
                .token(manager).send().json(), invoice -> "paid".equals(invoice.get("status").asString()));
        assertThat(paid.get("collection").get("attempts").asInt()).isEqualTo(2);
        assertThat(http().get("/api/v1/payments/failed?memberId=" + anne).token(desk).send().json().get("items"))
                .as("paid: off the failed-payment list").isEmpty();
    }

    @Test
    void aDirectDebitWithoutMandateFailsAndTheDeskCanStillCollectIt() {
        UUID anne = UUID.randomUUID();
        UUID subscription = UUID.randomUUID();
        PublishedEvents.publish(installment(subscription, anne, 2, null), subscription);
        JsonNode failed = await().atMost(Duration.ofSeconds(30)).until(() -> invoices(anne),
                found -> found.size() == 1 && found.get(0).has("collection")
                        && found.get(0).get("collection").has("lastFailure")).get(0);
        assertThat(failed.get("collection").get("lastFailure").asString()).isEqualTo("mandate-missing");
        String id = failed.get("invoiceId").asString();

        assertThat(wakeAt(id)).hasSize(1);
        assertThat(pay(id, "cheque", "69.00").json().get("status").asString()).isEqualTo("paid");
        assertThat(wakeAt(id)).as("no retry once paid at the desk").isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> published(id, "InvoicePaid").size() == 1);
    }

    @Test
    void staffCollectAFailedInstallmentNowWithTheMandateTheMemberJustGave() {
        UUID anne = UUID.randomUUID();
        UUID subscription = UUID.randomUUID();
        PublishedEvents.publish(installment(subscription, anne, 3, null), subscription);
        String id = await().atMost(Duration.ofSeconds(30)).until(() -> invoices(anne),
                found -> found.size() == 1 && found.get(0).has("collection")
                        && found.get(0).get("collection").has("lastFailure")).get(0).get("invoiceId").asString();

        Http.Response again = http().post("/api/v1/invoices/" + id + "/collection",
                "{\"paymentReference\": \"FR7630006000011234567890189\"}").token(desk).send();
        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> published(id, "InvoicePaid").size() == 1);
        JsonNode paid = await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/v1/invoices/" + id)
                .token(manager).send().json(), invoice -> "paid".equals(invoice.get("status").asString()));
        assertThat(paid.get("collection").get("attempts").asInt()).isEqualTo(2);
        assertThat(wakeAt(id)).isEmpty();
        assertProblem(http().post("/api/v1/invoices/" + id + "/collection", "{}").token(desk).send(), 422,
                "nothing-to-collect");
    }

    private List<Instant> wakeAt(String invoice) {
        return jdbc.sql("SELECT wake_at FROM wakeup WHERE kind = 'collection' AND aggregate_id = ?::uuid")
                .param(invoice).query((rs, row) -> rs.getTimestamp("wake_at").toInstant()).list();
    }

    private List<JsonNode> invoices(UUID member) {
        return http().get("/api/v1/invoices?memberId=" + member).token(manager).send().json().get("items")
                .valueStream().toList();
    }

    private InstallmentDue installment(UUID subscription, UUID member, int number, String reference) {
        return new InstallmentDue(organization, subscription, member, lyon, UUID.randomUUID(), number, MARCH_1,
                MARCH_1, MARCH_1.plusMonths(1).minusDays(1), List.of(
                new InstallmentDue.Line("membership", "Abonnement illimité, mars", eur("79.00")),
                new InstallmentDue.Line("discount", "Offre de rentrée", eur("-10.00"))), eur("69.00"),
                new BigDecimal("20.0"), "direct-debit", reference, TODAY);
    }

    private static Price eur(String amount) {
        return new Price(new BigDecimal(amount), "EUR");
    }
}
