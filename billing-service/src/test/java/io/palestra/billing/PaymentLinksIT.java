package io.palestra.billing;

import io.palestra.test.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Payment links and provider webhooks on a real PostgreSQL and Kafka: a member opens the link without an account and
 * pays on the sandbox's page; the provider's signed notice records one payment however often it arrives and in
 * whichever order; an unsigned or stale notice changes nothing; money paid on an invoice settled meanwhile goes to
 * the member's account.
 */
class PaymentLinksIT extends BillingServiceTest {

    private static final String SECRET = "sandbox-webhook-secret-for-development-only";

    @Test
    void aMemberPaysALinkWithoutAnAccountAfterARefusedCard() {
        UUID anne = UUID.randomUUID();
        String invoice = soldFor(anne, "80.00");
        assertProblem(http().post("/api/v1/invoices/" + cart(anne) + "/payment-link", "{}").token(desk).send(), 422,
                "invoice-not-issued");
        Http.Response created = http().post("/api/v1/invoices/" + invoice + "/payment-link", "{}").token(desk).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = created.json().get("token").asString();
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(created.json().get("url").asString()).isEqualTo("http://localhost:8080/api/v1/payments/links/"
                + token);

        JsonNode opened = http().get("/api/v1/payments/links/" + token).send().json();
        assertThat(opened.get("status").asString()).isEqualTo("open");
        assertThat(opened.get("amount").get("amount").asString()).isEqualTo("80.00");
        assertThat(opened.get("invoiceNumber").asString()).isEqualTo("F-000001");
        assertProblem(http().get("/api/v1/payments/links/unknown-token").send(), 404, "payment-link-not-found");

        JsonNode refused = http().post("/api/v1/payments/links/" + token + "/checkout",
                "{\"card\": \"4000 0000 0000 0002\"}").send().json();
        assertThat(refused.get("status").asString()).isEqualTo("open");
        assertThat(refused.get("lastFailure").asString()).isEqualTo("refused");
        JsonNode paid = http().post("/api/v1/payments/links/" + token + "/checkout",
                "{\"card\": \"4242 4242 4242 4242\"}").send().json();
        assertThat(paid.get("status").asString()).isEqualTo("paid");
        assertProblem(http().post("/api/v1/payments/links/" + token + "/checkout",
                "{\"card\": \"4242 4242 4242 4242\"}").send(), 422, "link-paid");

        JsonNode settled = http().get("/api/v1/invoices/" + invoice).token(desk).send().json();
        assertThat(settled.get("status").asString()).isEqualTo("paid");
        assertThat(settled.get("payments")).singleElement().satisfies(payment ->
                assertThat(payment.get("method").asString()).isEqualTo("card"));
        assertThat(http().get("/api/v1/invoices/" + invoice + "/payment-link").token(desk).send().json()
                .get("status").asString()).isEqualTo("paid");
    }

    @Test
    void aNoticeTwiceIsOnePaymentALateFailureChangesNothingAndAnUnsignedOneIsRefused() {
        UUID anne = UUID.randomUUID();
        String invoice = soldFor(anne, "45.00");
        String token = http().post("/api/v1/invoices/" + invoice + "/payment-link", "{}").token(desk).send().json()
                .get("token").asString();
        String success = """
                {"id": "evt_1", "type": "payment.succeeded",
                 "data": {"payment": "pay_1", "link": "%s", "amount": "45.00", "currency": "EUR"}}""".formatted(token);
        String failure = """
                {"id": "evt_0", "type": "payment.failed",
                 "data": {"payment": "pay_0", "link": "%s", "reason": "insufficient-funds"}}""".formatted(token);

        assertProblem(notice(success, "t=" + clock.instant().getEpochSecond() + ",v1=00"), 401, "invalid-signature");
        assertProblem(notice(success, null), 401, "invalid-signature");
        assertProblem(notice(success, sign(success, clock.instant().minusSeconds(600))), 401, "invalid-signature");
        assertThat(http().get("/api/v1/invoices/" + invoice).token(desk).send().json().get("payments")).isEmpty();

        assertThat(notice(success, sign(success, clock.instant())).status()).isEqualTo(204);
        assertThat(notice(success, sign(success, clock.instant())).status()).isEqualTo(204);
        assertThat(notice(failure, sign(failure, clock.instant())).status()).as("a failure arriving late")
                .isEqualTo(204);
        JsonNode after = http().get("/api/v1/invoices/" + invoice).token(desk).send().json();
        assertThat(after.get("status").asString()).isEqualTo("paid");
        assertThat(after.get("payments")).hasSize(1);
        JsonNode link = http().get("/api/v1/payments/links/" + token).send().json();
        assertThat(link.get("status").asString()).isEqualTo("paid");
        assertThat(link.has("lastFailure") && !link.get("lastFailure").isNull()).isFalse();
        await().until(() -> published(invoice, "PaymentReceived").size() == 1);

        String stray = """
                {"id": "evt_9", "type": "payment.succeeded",
                 "data": {"payment": "pay_9", "link": "no-such-link", "amount": "45.00", "currency": "EUR"}}""";
        assertThat(notice(stray, sign(stray, clock.instant())).status()).as("acknowledged, not resent for days")
                .isEqualTo(204);
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_notice WHERE notice_id IN ('evt_0', 'evt_1', 'evt_9')")
                .query(Long.class).single()).as("the notices applied, each once; the stray one not").isEqualTo(2);
    }

    @Test
    void moneyPaidOnALinkAfterTheDeskWasPaidGoesToTheAccount() {
        UUID anne = UUID.randomUUID();
        String invoice = soldFor(anne, "30.00");
        String token = http().post("/api/v1/invoices/" + invoice + "/payment-link", "{}").token(desk).send().json()
                .get("token").asString();
        assertThat(pay(invoice, "cash", "30.00").status()).isEqualTo(201);
        String success = """
                {"id": "evt_2", "type": "payment.succeeded",
                 "data": {"payment": "pay_2", "link": "%s", "amount": "30.00", "currency": "EUR"}}""".formatted(token);
        assertThat(notice(success, sign(success, clock.instant())).status()).isEqualTo(204);
        assertThat(notice(success, sign(success, clock.instant())).status()).isEqualTo(204);
        JsonNode account = http().get("/api/v1/accounts/" + anne).token(desk).send().json();
        assertThat(account.get("balance").get("amount").asString()).isEqualTo("30.00");
        assertThat(account.get("entries")).singleElement().satisfies(entry ->
                assertThat(entry.get("cause").asString()).isEqualTo("overpayment"));
    }

    private String soldFor(UUID member, String price) {
        String invoice = cart(member);
        addLine(invoice, """
                {"kind": "other", "description": "Stage", "unitPrice": {"amount": "%s", "currency": "EUR"},
                 "vatRate": "20.0"}""".formatted(price));
        issue(invoice);
        return invoice;
    }

    private Http.Response notice(String body, String signature) {
        Http.Request request = http().post("/api/v1/payments/webhooks/sandbox", body);
        return signature == null ? request.send() : request.header("Palestra-Signature", signature).send();
    }

    private static String sign(String body, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            long seconds = at.getEpochSecond();
            return "t=" + seconds + ",v1=" + HexFormat.of().formatHex(mac.doFinal((seconds + "." + body)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
