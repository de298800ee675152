package io.palestra.billing;

import io.palestra.platform.timing.WakeupPoller;
import io.palestra.test.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Upcoming payments on a real PostgreSQL and Kafka: a backdated sale states what was paid and schedules a postdated
 * cheque, which the desk moves and which is deposited on its day; a card deposit on an account fails, is given a new
 * day and card, and is made; only managers change an amount or cancel.
 */
class UpcomingPaymentsIT extends BillingServiceTest {

    @Autowired
    private WakeupPoller wakeups;

    @Test
    void aBackdatedSaleStatesWhatWasPaidAndItsPostdatedChequeIsDepositedOnItsDay() {
        UUID anne = UUID.randomUUID();
        String invoice = cart(anne);
        addLine(invoice, """
                {"kind": "other", "description": "Trimestre de tennis", "unitPrice": {"amount": "120.00",
                 "currency": "EUR"}, "vatRate": "20.0"}""");
        Http.Response issued = http().post("/api/v1/invoices/" + invoice + "/issue",
                "{\"invoiceDate\": \"2027-01-05\", \"dueOn\": \"2027-04-05\"}").token(desk).send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);

        assertProblem(plan(invoice, """
                {"dueOn": "2027-01-05", "amount": {"amount": "100.00", "currency": "EUR"}, "method": "cash"},
                {"dueOn": "2027-04-01", "amount": {"amount": "40.00", "currency": "EUR"}, "method": "cheque"}"""),
                422, "amount-exceeds-balance");
        assertProblem(plan(invoice, """
                {"dueOn": "2027-04-01", "amount": {"amount": "40.00", "currency": "EUR"}, "method": "cash"}"""),
                400, "validation-failed");
        assertThat(http().get("/api/v1/invoices/" + invoice).token(desk).send().json().get("payments"))
                .as("a refused plan records nothing").isEmpty();

        UUID planId = UUID.randomUUID();
        String entries = """
                {"dueOn": "2027-01-05", "amount": {"amount": "40.00", "currency": "EUR"}, "method": "cash"},
                {"dueOn": "2027-02-05", "amount": {"amount": "40.00", "currency": "EUR"}, "method": "cheque",
                 "reference": "chèque 1234567"},
                {"dueOn": "2027-04-05", "amount": {"amount": "40.00", "currency": "EUR"}, "method": "cheque",
                 "reference": "chèque 1234568"}""";
        Http.Response planned = http().post("/api/v1/invoices/" + invoice + "/payment-plan", "{\"planId\": \""
                + planId + "\", \"payments\": [" + entries + "]}").token(desk).send();
        assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
        Http.Response resent = http().post("/api/v1/invoices/" + invoice + "/payment-plan", "{\"planId\": \""
                + planId + "\", \"payments\": [" + entries + "]}").token(desk).send();
        assertThat(resent.status()).as("the same plan sent again: " + resent).isEqualTo(201);
        assertThat(resent.json().get("paymentIds")).isEqualTo(planned.json().get("paymentIds"));
        assertThat(planned.json().get("paymentIds")).hasSize(2);
        String upcoming = planned.json().get("upcoming").get(0).get("scheduledPaymentId").asString();
        JsonNode partly = http().get("/api/v1/invoices/" + invoice).token(desk).send().json();
        assertThat(partly.get("status").asString()).isEqualTo("partially-paid");
        assertThat(partly.get("balance").get("amount").asString()).isEqualTo("40.00");
        assertThat(partly.get("payments").valueStream().map(payment -> payment.get("receivedAt").asString() + " "
                + payment.get("reference").asString())).containsExactly(
                "2027-01-05T11:00:00Z recorded on 2027-03-01",
                "2027-02-05T11:00:00Z chèque 1234567 (recorded on 2027-03-01)");
        assertThat(http().get("/api/v1/payments/cash-report?date=2027-01-05").token(desk).send().json()
                .get("net").get("amount").asString()).as("counted on the day it was paid").isEqualTo("40.00");
        assertThat(http().get("/api/v1/payments/cash-report").token(desk).send().json().get("net").get("amount")
                .asString()).as("not on the day it was recorded").isEqualTo("0.00");

        JsonNode list = http().get("/api/v1/payments/upcoming?memberId=" + anne).token(desk).send().json();
        assertThat(list.get("items")).singleElement().satisfies(payment -> {
            assertThat(payment.get("dueOn").asString()).isEqualTo("2027-04-05");
            assertThat(payment.get("status").asString()).isEqualTo("scheduled");
            assertThat(payment.get("invoiceId").asString()).isEqualTo(invoice);
        });
        assertProblem(http().post("/api/v1/payments/upcoming", """
                {"invoiceId": "%s", "method": "cheque", "amount": {"amount": "0.01", "currency": "EUR"},
                 "dueOn": "2027-05-01"}""".formatted(invoice)).token(desk).send(), 422, "amount-exceeds-balance");

        Http.Response moved = http().patch("/api/v1/payments/upcoming/" + upcoming,
                "{\"dueOn\": \"2027-03-10\"}").token(desk).send();
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("dueOn").asString()).isEqualTo("2027-03-10");
        assertProblem(http().patch("/api/v1/payments/upcoming/" + upcoming, "{\"dueOn\": \"2027-02-28\"}")
                .token(desk).send(), 400, "validation-failed");
        assertThat(http().put("/api/v1/payments/upcoming/" + upcoming + "/amount",
                "{\"amount\": {\"amount\": \"30.00\", \"currency\": \"EUR\"}}").token(desk).send().status())
                .as("an amount is the manager's").isEqualTo(403);
        assertProblem(http().put("/api/v1/payments/upcoming/" + upcoming + "/amount",
                "{\"amount\": {\"amount\": \"50.00\", \"currency\": \"EUR\"}}").token(manager).send(), 422,
                "amount-exceeds-balance");

        clock.set(Instant.parse("2027-03-09T22:59:00Z"));
        wakeups.wakeDue();
        assertThat(jdbc.sql("SELECT wake_at FROM wakeup WHERE kind = 'scheduled-payment' AND aggregate_id = ?::uuid")
                .param(upcoming).query((rs, row) -> rs.getTimestamp("wake_at").toInstant()).list())
                .as("not its day yet in Paris, still waiting for it")
                .containsExactly(Instant.parse("2027-03-09T23:00:00Z"));
        clock.set(Instant.parse("2027-03-10T07:00:00Z"));
        wakeups.wakeDue();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(upcoming).equals("made"));
        JsonNode paid = await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/v1/invoices/" + invoice)
                .token(desk).send().json(), found -> found.get("status").asString().equals("paid"));
        assertThat(paid.get("payments").get(2).get("method").asString()).isEqualTo("cheque");
        assertThat(paid.get("payments").get(2).get("reference").asString()).isEqualTo("chèque 1234568");
        JsonNode cheques = http().get("/api/v1/payments/cash-report").token(desk).send().json().get("sites").get(0)
                .get("methods").get(0);
        assertThat(cheques.get("method").asString()).isEqualTo("cheque");
        assertThat(cheques.get("received").get("amount").asString()).as("deposited that day").isEqualTo("40.00");
        assertProblem(http().post("/api/v1/payments/upcoming/" + upcoming + "/cancellation",
                "{\"reason\": \"trop tard\"}").token(manager).send(), 422, "scheduled-payment-made");
        assertThat(http().get("/api/v1/payments/upcoming?memberId=" + anne).token(desk).send().json().get("items"))
                .as("made: no longer upcoming").isEmpty();
    }

    @Test
    void aFailedCardDepositIsGivenANewDayAndCardAndOnlyAManagerCancels() {
        UUID bruno = UUID.randomUUID();
        Http.Response scheduled = http().post("/api/v1/payments/upcoming", """
                {"memberId": "%s", "siteId": "%s", "method": "card", "amount": {"amount": "60.00", "currency": "EUR"},
                 "dueOn": "2027-03-02", "reference": "4000 0000 0000 0002"}""".formatted(bruno, lyon))
                .token(desk).send();
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        String id = scheduled.json().get("scheduledPaymentId").asString();
        assertProblem(http().post("/api/v1/payments/upcoming", """
                {"memberId": "%s", "siteId": "%s", "method": "cash", "amount": {"amount": "60.00", "currency": "EUR"},
                 "dueOn": "2027-03-02"}""".formatted(bruno, lyon)).token(desk).send(), 400, "validation-failed");

        clock.set(Instant.parse("2027-03-02T06:00:00Z"));
        wakeups.wakeDue();
        JsonNode failed = await().atMost(Duration.ofSeconds(30)).until(() -> get(id),
                payment -> payment.get("status").asString().equals("failed"));
        assertThat(failed.get("lastFailure").asString()).isEqualTo("refused");
        assertProblem(http().patch("/api/v1/payments/upcoming/" + id, "{\"reference\": \"4242\"}").token(desk)
                .send(), 400, "validation-failed");

        assertThat(http().patch("/api/v1/payments/upcoming/" + id, """
                {"dueOn": "2027-03-03", "reference": "4242 4242 4242 4242"}""").token(desk).send().status())
                .isEqualTo(200);
        clock.set(Instant.parse("2027-03-03T06:00:00Z"));
        wakeups.wakeDue();
        await().atMost(Duration.ofSeconds(30)).until(() -> get(id).get("status").asString().equals("made"));
        await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/v1/accounts/" + bruno).token(desk)
                .send().json().path("balance").path("amount").asString("").equals("60.00"));

        String other = http().post("/api/v1/payments/upcoming", """
                {"memberId": "%s", "siteId": "%s", "method": "cheque", "amount": {"amount": "25.00", "currency": "EUR"},
                 "dueOn": "2027-04-01"}""".formatted(bruno, lyon)).token(desk).send().json()
                .get("scheduledPaymentId").asString();
        assertThat(http().post("/api/v1/payments/upcoming/" + other + "/cancellation", "{\"reason\": \"rendu\"}")
                .token(desk).send().status()).isEqualTo(403);
        JsonNode cancelled = http().post("/api/v1/payments/upcoming/" + other + "/cancellation",
                "{\"reason\": \"chèque rendu\"}").token(manager).send().json();
        assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
        assertThat(http().get("/api/v1/payments/upcoming/export?status=cancelled&memberId=" + bruno).token(manager)
                .send().body().lines().skip(1)).singleElement().satisfies(row ->
                assertThat(row).startsWith(other + ",2027-04-01,cancelled," + bruno));
        assertThat(http().get("/api/v1/payments/upcoming/" + other).token(token(UUID.randomUUID(), "manager"))
                .send().status()).as("another organisation").isEqualTo(404);
    }

    @Test
    void aChequeDueForAnInvoicePaidMeanwhileIsDepositedOnTheAccountAndCounted() {
        UUID claire = UUID.randomUUID();
        String invoice = cart(claire);
        addLine(invoice, """
                {"kind": "other", "description": "Stage d'été", "unitPrice": {"amount": "80.00", "currency": "EUR"},
                 "vatRate": "20.0"}""");
        issue(invoice);
        String cheque = http().post("/api/v1/payments/upcoming", """
                {"invoiceId": "%s", "method": "cheque", "amount": {"amount": "80.00", "currency": "EUR"},
                 "dueOn": "2027-03-05", "reference": "chèque 7777"}""".formatted(invoice)).token(desk).send().json()
                .get("scheduledPaymentId").asString();
        assertThat(pay(invoice, "card-terminal", "80.00").json().get("status").asString()).isEqualTo("paid");

        clock.set(Instant.parse("2027-03-05T07:00:00Z"));
        wakeups.wakeDue();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(cheque).equals("made"));
        JsonNode account = await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/v1/accounts/" + claire)
                .token(desk).send().json(), found -> found.path("balance").path("amount").asString("").equals("80.00"));
        assertThat(account.get("entries")).singleElement().satisfies(entry -> {
            assertThat(entry.get("cause").asString()).isEqualTo("top-up");
            assertThat(entry.get("method").asString()).isEqualTo("cheque");
        });
        assertThat(http().get("/api/v1/payments/cash-report").token(desk).send().json().get("sites").get(0)
                .get("methods")).as("the cheque the desk deposited that day").singleElement().satisfies(line -> {
                    assertThat(line.get("method").asString()).isEqualTo("cheque");
                    assertThat(line.get("toppedUp").get("amount").asString()).isEqualTo("80.00");
                });
    }

    private Http.Response plan(String invoice, String payments) {
        return http().post("/api/v1/invoices/" + invoice + "/payment-plan", "{\"payments\": [" + payments + "]}")
                .token(desk).send();
    }

    private JsonNode get(String id) {
        return http().get("/api/v1/payments/upcoming/" + id).token(desk).send().json();
    }

    private String status(String id) {
        return get(id).get("status").asString();
    }
}
