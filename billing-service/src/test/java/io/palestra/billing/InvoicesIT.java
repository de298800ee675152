package io.palestra.billing;

import io.palestra.test.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Selling through the API on a real PostgreSQL and Kafka: a cart with a pack priced from the catalog and a shop item,
 * discounted, issued under the organisation's first number, paid by two methods (the excess credited), a payment
 * cancelled by a manager; what is refused changes nothing; numbers stay gapless when many invoices are issued at once.
 */
class InvoicesIT extends BillingServiceTest {

    @Test
    void aCartIsPricedFromTheCatalogIssuedUnderTheFirstNumberAndPaidBySeveralMethods() {
        UUID pack = classPack("Carte 10 cours", "120.00");
        UUID anne = UUID.randomUUID();
        String invoice = cart(anne);
        addLine(invoice, """
                {"kind": "class-pack", "reference": "%s", "unitPrice": {"amount": "1.00", "currency": "EUR"},
                 "startsOn": "2027-03-01"}""".formatted(pack));
        JsonNode withBottles = addLine(invoice, """
                {"kind": "shop-item", "description": "Gourde", "quantity": 2,
                 "unitPrice": {"amount": "12.00", "currency": "EUR"}, "vatRate": "5.5"}""");
        assertThat(withBottles.get("lines")).hasSize(2);
        assertThat(withBottles.get("lines").get(0).get("unitPrice").get("amount").asString()).isEqualTo("120.00");
        assertThat(withBottles.get("totals").get("total").get("amount").asString()).isEqualTo("144.00");
        Http.Response discounted = http().put("/api/v1/invoices/" + invoice + "/discount",
                "{\"percent\": \"10\", \"reason\": \"Bienvenue\"}").token(desk).send();
        assertThat(discounted.status()).as(discounted.toString()).isEqualTo(200);
        assertThat(discounted.json().get("totals").get("total").get("amount").asString()).isEqualTo("129.60");

        JsonNode issued = issue(invoice);
        assertThat(issued.get("number").asString()).isEqualTo("F-000001");
        assertThat(issued.get("status").asString()).isEqualTo("issued");
        assertThat(issued.get("invoiceDate").asString()).isEqualTo("2027-03-01");
        assertThat(issued.get("totals").get("vat").valueStream().map(vat -> vat.get("rate").asString() + " "
                + vat.get("gross").get("amount").asString())).containsExactly("5.5 21.60", "20.0 108.00");

        Http.Response byCard = pay(invoice, "card-terminal", "100.00");
        assertThat(byCard.status()).as(byCard.toString()).isEqualTo(201);
        assertThat(byCard.json().get("status").asString()).isEqualTo("partially-paid");
        assertThat(byCard.json().get("balance").get("amount").asString()).isEqualTo("29.60");
        JsonNode paid = pay(invoice, "cash", "30.00").json();
        assertThat(paid.get("status").asString()).isEqualTo("paid");
        assertThat(paid.get("credited").get("amount").asString()).isEqualTo("0.40");
        assertThat(paid.get("payments")).hasSize(2);
        assertProblem(pay(invoice, "cash", "1.00"), 422, "invoice-paid");

        await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/v1/accounts/" + anne).token(desk)
                .send().json().path("balance").path("amount").asString("").equals("0.40"));
        String cash = paid.get("payments").valueStream().filter(payment -> payment.get("method").asString()
                .equals("cash")).findFirst().orElseThrow().get("paymentId").asString();
        assertThat(http().post("/api/v1/invoices/" + invoice + "/payments/" + cash + "/cancellation",
                "{\"reason\": \"erreur de caisse\"}").token(desk).send().status()).isEqualTo(403);
        Http.Response cancelled = http().post("/api/v1/invoices/" + invoice + "/payments/" + cash + "/cancellation",
                "{\"reason\": \"erreur de caisse\"}").token(manager).send();
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("partially-paid");
        assertThat(cancelled.json().get("credited").get("amount").asString()).isEqualTo("0.00");

        await().until(() -> published(invoice, "PaymentCancelled").size() == 1);
        JsonNode fact = published(invoice, "InvoiceIssued").get(0);
        assertThat(fact.get("invoiceNumber").asString()).isEqualTo("F-000001");
        assertThat(fact.get("lines").get(0).get("reference").asString()).isEqualTo(pack.toString());
        assertThat(fact.get("lines").get(0).get("startsOn").asString()).isEqualTo("2027-03-01");
        assertThat(published(invoice, "PaymentReceived")).hasSize(2);
        assertThat(published(invoice, "InvoicePaid")).singleElement().satisfies(invoicePaid ->
                assertThat(invoicePaid.get("total").get("amount").asString()).isEqualTo("129.60"));

        assertThat(http().get("/api/v1/invoices?number=000001").token(manager).send().json().get("items"))
                .singleElement().satisfies(found -> assertThat(found.get("invoiceId").asString()).isEqualTo(invoice));
        assertThat(http().get("/api/v1/invoices?memberId=" + anne + "&status=partially-paid").token(manager).send()
                .json().get("items")).hasSize(1);
        assertThat(http().get("/api/v1/invoices/" + invoice).token(token(UUID.randomUUID(), "manager")).send()
                .status()).isEqualTo(404);
    }

    @Test
    void aCreditNoteCorrectsAnIssuedInvoiceAndWhatWasPaidForItIsRefunded() {
        UUID pack = classPack("Carte 10 cours", "120.00");
        UUID anne = UUID.randomUUID();
        String invoice = cart(anne);
        addLine(invoice, """
                {"kind": "class-pack", "reference": "%s", "startsOn": "2027-03-01"}""".formatted(pack));
        JsonNode withBottle = addLine(invoice, """
                {"kind": "shop-item", "description": "Gourde", "unitPrice": {"amount": "15.00", "currency": "EUR"},
                 "vatRate": "20.0"}""");
        String bottle = withBottle.get("lines").get(1).get("lineId").asString();
        issue(invoice);
        assertThat(pay(invoice, "card-terminal", "135.00").json().get("status").asString()).isEqualTo("paid");

        assertThat(http().post("/api/v1/invoices/" + invoice + "/credit-notes", """
                {"lineIds": ["%s"], "reason": "Gourde défectueuse"}""".formatted(bottle)).token(desk).send()
                .status()).isEqualTo(403);
        Http.Response credited = http().post("/api/v1/invoices/" + invoice + "/credit-notes", """
                {"lineIds": ["%s"], "reason": "Gourde défectueuse"}""".formatted(bottle)).token(manager).send();
        assertThat(credited.status()).as(credited.toString()).isEqualTo(201);
        JsonNode afterNote = credited.json();
        assertThat(afterNote.get("creditNotes")).singleElement().satisfies(note -> {
            assertThat(note.get("number").asString()).isEqualTo("AV-000001");
            assertThat(note.get("totals").get("total").get("amount").asString()).isEqualTo("15.00");
        });
        assertThat(afterNote.get("refundable").get("amount").asString()).isEqualTo("15.00");
        assertThat(afterNote.get("number").asString()).as("the invoice itself never changes").isEqualTo("F-000001");
        assertThat(afterNote.get("totals").get("total").get("amount").asString()).isEqualTo("135.00");

        assertProblem(http().post("/api/v1/invoices/" + invoice + "/refunds", """
                {"method": "card-terminal", "amount": {"amount": "20.00", "currency": "EUR"}}""").token(manager)
                .send(), 422, "refund-exceeds");
        Http.Response refunded = http().post("/api/v1/invoices/" + invoice + "/refunds", """
                {"method": "card-terminal", "amount": {"amount": "15.00", "currency": "EUR"},
                 "reason": "Gourde défectueuse"}""").token(manager).send();
        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(201);
        assertThat(refunded.json().get("refundable").get("amount").asString()).isEqualTo("0.00");
        assertThat(refunded.json().get("status").asString()).isEqualTo("paid");

        JsonNode cancelled = http().post("/api/v1/invoices/" + invoice + "/credit-notes",
                "{\"reason\": \"vente annulée\"}").token(manager).send().json();
        assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.get("refundable").get("amount").asString()).isEqualTo("120.00");
        assertProblem(http().post("/api/v1/invoices/" + invoice + "/credit-notes",
                "{\"reason\": \"encore\"}").token(manager).send(), 422, "invoice-credited");

        await().until(() -> published(invoice, "CreditNoteIssued").size() == 2);
        assertThat(published(invoice, "CreditNoteIssued").get(1).get("whole").asBoolean()).isTrue();
        assertThat(published(invoice, "RefundIssued")).singleElement().satisfies(fact ->
                assertThat(fact.get("amount").get("amount").asString()).isEqualTo("15.00"));
        assertThat(http().get("/api/v1/credit-notes?number=F-000001").token(manager).send().json().get("items"))
                .hasSize(2);
        assertThat(http().get("/api/v1/invoices?status=cancelled&memberId=" + anne).token(manager).send().json()
                .get("items")).hasSize(1);
    }

    @Test
    void whatIsRefusedIsAnsweredWithAProblemAndChangesNothing() {
        UUID anne = UUID.randomUUID();
        String invoice = cart(anne);
        assertProblem(http().post("/api/v1/invoices/" + invoice + "/issue", "{}").token(desk).send(), 422,
                "invoice-empty");
        assertProblem(http().post("/api/v1/invoices/" + invoice + "/lines", """
                {"kind": "class-pack", "reference": "%s"}""".formatted(UUID.randomUUID())).token(desk).send(), 422,
                "unknown-offer");
        assertProblem(http().post("/api/v1/invoices/" + invoice + "/lines", """
                {"kind": "membership", "reference": "%s"}""".formatted(UUID.randomUUID())).token(desk).send(), 422,
                "sold-by-subscribing");
        assertProblem(http().post("/api/v1/invoices/" + invoice + "/lines", """
                {"kind": "shop-item", "description": "Gourde", "unitPrice": {"amount": "-3", "currency": "EUR"},
                 "vatRate": "5.5"}""").token(desk).send(), 400, "validation-failed");
        assertProblem(http().post("/api/v1/invoices/" + invoice + "/lines", """
                {"kind": "shop-item", "description": "Gourde", "unitPrice": {"amount": "3", "currency": "USD"},
                 "vatRate": "5.5"}""").token(desk).send(), 400, "validation-failed");
        UUID pack = classPack("Carte 10 cours", "120.00");
        assertProblem(http().post("/api/v1/invoices/" + invoice + "/lines", """
                {"kind": "class-pack", "reference": "%s"}""".formatted(pack)).token(desk).send(), 400,
                "validation-failed");
        assertProblem(pay(invoice, "cash", "10.00"), 422, "invoice-not-issued");
        assertProblem(http().post("/api/v1/invoices", """
                {"siteId": "%s", "memberId": "%s"}""".formatted(UUID.randomUUID(), anne)).token(desk).send(), 400,
                "validation-failed");
        JsonNode unchanged = http().get("/api/v1/invoices/" + invoice).token(desk).send().json();
        assertThat(unchanged.get("lines")).isEmpty();
        assertThat(unchanged.get("status").asString()).isEqualTo("draft");
        assertThat(unchanged.get("version").asLong()).isZero();
    }

    @Test
    void invoicesIssuedAtOnceTakeEveryNumberOnce() {
        List<String> carts = IntStream.range(0, 30).mapToObj(i -> {
            String invoice = cart(UUID.randomUUID());
            addLine(invoice, """
                    {"kind": "session", "description": "Séance", "unitPrice": {"amount": "15.00", "currency": "EUR"},
                     "vatRate": "20.0"}""");
            return invoice;
        }).toList();
        ExecutorService desks = Executors.newFixedThreadPool(10);
        List<CompletableFuture<Http.Response>> answers = new ArrayList<>();
        try {
            for (String invoice : carts) {
                answers.add(CompletableFuture.supplyAsync(() -> http().post("/api/v1/invoices/" + invoice + "/issue",
                        "{}").token(desk).send(), desks));
            }
            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        } finally {
            desks.shutdown();
        }
        assertThat(answers).allSatisfy(answer -> assertThat(answer.join().status()).as(answer.join().toString())
                .isEqualTo(200));
        List<String> numbers = answers.stream().map(answer -> answer.join().json().get("number").asString()).toList();
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 30)
                .mapToObj(n -> String.format("F-%06d", n)).toList());
        assertThat(jdbc.sql("SELECT last_value FROM invoice_number_counter WHERE organization_id = ?")
                .param(organization).query(Long.class).single()).isEqualTo(30);
    }
}
