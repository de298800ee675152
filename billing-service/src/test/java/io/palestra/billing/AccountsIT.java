package io.palestra.billing;

import io.palestra.test.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Members' accounts through the API on a real PostgreSQL and Kafka: a top-up at the desk pays an invoice from the
 * wallet, never beyond its balance; an overpayment is credited to it; cancelled payments give back or take back what
 * they moved, and a spent credit keeps its payment.
 */
class AccountsIT extends BillingServiceTest {

    @Test
    void theWalletPaysInvoicesTakesOverpaymentsAndNeverGoesBelowZero() {
        UUID anne = UUID.randomUUID();
        Http.Response topUp = http().post("/api/v1/accounts/" + anne + "/top-ups", """
                {"siteId": "%s", "amount": {"amount": "50.00", "currency": "EUR"}, "method": "cash"}"""
                .formatted(lyon)).token(desk).send();
        assertThat(topUp.status()).as(topUp.toString()).isEqualTo(201);
        assertThat(balance(topUp.json())).isEqualTo("50.00");

        String invoice = cart(anne);
        addLine(invoice, """
                {"kind": "session", "description": "Séances", "quantity": 8,
                 "unitPrice": {"amount": "10.00", "currency": "EUR"}, "vatRate": "20.0"}""");
        assertProblem(pay(invoice, "wallet", "30.00"), 422, "invoice-not-issued");
        assertThat(balance(account(anne))).as("taken, then given back when the invoice refused").isEqualTo("50.00");
        assertThat(account(anne).get("entries").valueStream().map(entry -> entry.get("cause").asString()))
                .containsExactly("reversal", "payment", "top-up");
        issue(invoice);
        assertProblem(pay(invoice, "wallet", "60.00"), 422, "insufficient-balance");
        assertProblem(pay(invoice, "wallet", "90.00"), 422, "amount-exceeds-balance");
        JsonNode fromWallet = pay(invoice, "wallet", "30.00").json();
        assertThat(fromWallet.get("balance").get("amount").asString()).isEqualTo("50.00");
        assertThat(balance(account(anne))).isEqualTo("20.00");

        JsonNode paid = pay(invoice, "card-terminal", "60.00").json();
        assertThat(paid.get("status").asString()).isEqualTo("paid");
        assertThat(paid.get("credited").get("amount").asString()).isEqualTo("10.00");
        await().atMost(Duration.ofSeconds(30)).until(() -> balance(account(anne)).equals("30.00"));
        assertThat(account(anne).get("entries").valueStream().map(entry -> entry.get("cause").asString()))
                .containsExactly("overpayment", "payment", "reversal", "payment", "top-up");

        String card = payment(paid, "card-terminal");
        String wallet = payment(paid, "wallet");
        assertProblem(pay(invoice, "wallet", "1.00"), 422, "amount-exceeds-balance");
        Http.Response negative = http().post("/api/v1/accounts/" + anne + "/top-ups", """
                {"siteId": "%s", "amount": {"amount": "-5", "currency": "EUR"}, "method": "cash"}"""
                .formatted(lyon)).token(desk).send();
        assertProblem(negative, 400, "validation-failed");

        Http.Response cardCancelled = http().post("/api/v1/invoices/" + invoice + "/payments/" + card
                + "/cancellation", "{\"reason\": \"terminal en double\"}").token(manager).send();
        assertThat(cardCancelled.status()).as(cardCancelled.toString()).isEqualTo(200);
        assertThat(balance(account(anne))).isEqualTo("20.00");
        Http.Response walletCancelled = http().post("/api/v1/invoices/" + invoice + "/payments/" + wallet
                + "/cancellation", "{\"reason\": \"erreur\"}").token(manager).send();
        assertThat(walletCancelled.json().get("status").asString()).isEqualTo("issued");
        await().atMost(Duration.ofSeconds(30)).until(() -> balance(account(anne)).equals("50.00"));
        assertThat(balance(account(UUID.randomUUID()))).isEqualTo("0.00");
    }

    @Test
    void aPaymentWhoseCreditWasSpentIsNotCancelled() {
        UUID bruno = UUID.randomUUID();
        String first = cart(bruno);
        addLine(first, """
                {"kind": "session", "description": "Séance", "unitPrice": {"amount": "15.00", "currency": "EUR"},
                 "vatRate": "20.0"}""");
        issue(first);
        String cash = payment(pay(first, "cash", "20.00").json(), "cash");
        await().atMost(Duration.ofSeconds(30)).until(() -> balance(account(bruno)).equals("5.00"));
        String second = cart(bruno);
        addLine(second, """
                {"kind": "session", "description": "Séance", "unitPrice": {"amount": "15.00", "currency": "EUR"},
                 "vatRate": "20.0"}""");
        issue(second);
        assertThat(pay(second, "wallet", "5.00").status()).isEqualTo(201);

        assertProblem(http().post("/api/v1/invoices/" + first + "/payments/" + cash + "/cancellation",
                "{\"reason\": \"erreur\"}").token(manager).send(), 422, "credit-spent");
        assertThat(http().get("/api/v1/invoices/" + first).token(manager).send().json().get("status").asString())
                .isEqualTo("paid");
        assertThat(balance(account(bruno))).isEqualTo("0.00");
    }

    private JsonNode account(UUID member) {
        return http().get("/api/v1/accounts/" + member).token(desk).send().json();
    }

    private static String balance(JsonNode account) {
        return account.get("balance").get("amount").asString();
    }

    private static String payment(JsonNode invoice, String method) {
        return invoice.get("payments").valueStream().filter(payment -> payment.get("method").asString()
                .equals(method)).findFirst().orElseThrow().get("paymentId").asString();
    }
}
