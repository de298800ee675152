package io.palestra.billing;

import io.palestra.test.Http;
import io.palestra.test.KnownOrganizations;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lists staff find things in, on a real PostgreSQL and Kafka: the daily cash report per site and method, a
 * member's payments, the overdue list, the credit notes, and their CSV and XLSX exports.
 */
class ReportsIT extends BillingServiceTest {

    @Test
    void theCashReportCountsWhatTheDeskTookInAndGaveBackByMethod() {
        UUID anne = UUID.randomUUID();
        UUID bruno = UUID.randomUUID();
        String first = soldFor(anne, "50.00");
        assertThat(pay(first, "cash", "30.00").status()).isEqualTo(201);
        assertThat(pay(first, "card-terminal", "20.00").status()).isEqualTo(201);
        String second = soldFor(bruno, "40.00");
        String wrong = pay(second, "cash", "40.00").json().get("payments").get(0).get("paymentId").asString();
        assertThat(http().post("/api/v1/invoices/" + second + "/payments/" + wrong + "/cancellation",
                "{\"reason\": \"erreur de caisse\"}").token(manager).send().status()).isEqualTo(200);
        assertThat(pay(second, "cheque", "40.00").status()).isEqualTo(201);
        assertThat(http().post("/api/v1/invoices/" + second + "/credit-notes", "{\"reason\": \"annulé\"}")
                .token(manager).send().status()).isEqualTo(201);
        assertThat(http().post("/api/v1/invoices/" + second + "/refunds", """
                {"method": "cash", "amount": {"amount": "15.00", "currency": "EUR"}, "reason": "annulé"}""")
                .token(manager).send().status()).isEqualTo(201);
        assertThat(http().post("/api/v1/accounts/" + anne + "/top-ups", """
                {"siteId": "%s", "amount": {"amount": "25.00", "currency": "EUR"}, "method": "cash"}"""
                .formatted(lyon)).token(desk).send().status()).isEqualTo(201);
        String third = soldFor(anne, "10.00");
        assertThat(pay(third, "wallet", "10.00").status()).as("spends money counted when it came in")
                .isEqualTo(201);

        JsonNode report = http().get("/api/v1/payments/cash-report").token(desk).send().json();
        assertThat(report.get("date").asString()).isEqualTo("2027-03-01");
        assertThat(report.get("sites")).singleElement().satisfies(site -> {
            assertThat(site.get("siteId").asString()).isEqualTo(lyon.toString());
            assertThat(site.get("methods").valueStream().map(line -> line.get("method").asString()))
                    .containsExactly("card-terminal", "cash", "cheque");
            JsonNode cash = site.get("methods").get(1);
            assertThat(cash.get("payments").asInt()).isEqualTo(2);
            assertThat(cash.get("received").get("amount").asString()).isEqualTo("70.00");
            assertThat(cash.get("cancellations").asInt()).isEqualTo(1);
            assertThat(cash.get("cancelled").get("amount").asString()).isEqualTo("40.00");
            assertThat(cash.get("refunded").get("amount").asString()).isEqualTo("15.00");
            assertThat(cash.get("toppedUp").get("amount").asString()).isEqualTo("25.00");
            assertThat(cash.get("net").get("amount").asString()).isEqualTo("40.00");
            assertThat(site.get("net").get("amount").asString()).isEqualTo("100.00");
        });
        assertThat(report.get("net").get("amount").asString()).isEqualTo("100.00");
        assertThat(http().get("/api/v1/payments/cash-report?date=2027-03-02").token(desk).send().json()
                .get("net").get("amount").asString()).as("another day").isEqualTo("0.00");
        assertProblem(http().get("/api/v1/payments/cash-report?siteId=" + UUID.randomUUID()).token(desk).send(),
                400, "validation-failed");
        UUID other = UUID.randomUUID();
        UUID otherSite = UUID.randomUUID();
        KnownOrganizations.studioInLyon(jdbc, other, otherSite);
        JsonNode theirs = http().get("/api/v1/payments/cash-report").token(token(other, "manager")).send().json();
        assertThat(theirs.get("sites")).as("another organisation sees only its own sites").singleElement()
                .satisfies(site -> assertThat(site.get("siteId").asString()).isEqualTo(otherSite.toString()));
        assertThat(theirs.get("net").get("amount").asString()).isEqualTo("0.00");

        Http.Response csv = http().get("/api/v1/payments/cash-report/export?format=csv").token(manager).send();
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().lines().toList()).containsExactly(
                "date,siteId,method,currency,payments,received,cancellations,cancelled,refunds,refunded,topUps,"
                        + "toppedUp,net",
                "2027-03-01," + lyon + ",card-terminal,EUR,1,20.00,0,0.00,0,0.00,0,0.00,20.00",
                "2027-03-01," + lyon + ",cash,EUR,2,70.00,1,40.00,1,15.00,1,25.00,40.00",
                "2027-03-01," + lyon + ",cheque,EUR,1,40.00,0,0.00,0,0.00,0,0.00,40.00");
        assertThat(http().get("/api/v1/payments/cash-report/export").token(desk).send().status())
                .as("exports are for managers and analysts").isEqualTo(403);
    }

    @Test
    void aMembersPaymentsTheOverdueListAndCreditNotesExportAsFiles() {
        UUID anne = UUID.randomUUID();
        String paid = soldFor(anne, "20.00");
        assertThat(pay(paid, "cash", "20.00").status()).isEqualTo(201);
        String late = soldFor(anne, "35.00");
        assertThat(pay(late, "card-terminal", "5.00").status()).isEqualTo(201);
        soldFor(UUID.randomUUID(), "12.00");

        JsonNode payments = http().get("/api/v1/payments?memberId=" + anne).token(desk).send().json();
        assertThat(payments.get("items").valueStream().map(payment -> payment.get("method").asString()))
                .containsExactlyInAnyOrder("cash", "card-terminal");
        assertThat(payments.get("items").get(0).get("invoiceNumber").asString()).startsWith("F-");
        assertThat(http().get("/api/v1/payments?method=cash&from=2027-03-01&to=2027-03-01").token(desk).send()
                .json().get("items")).singleElement().satisfies(payment ->
                assertThat(payment.get("invoiceId").asString()).isEqualTo(paid));
        assertThat(http().get("/api/v1/payments?from=2027-03-02").token(desk).send().json().get("items")).isEmpty();
        assertProblem(http().get("/api/v1/payments?from=2027-03-02&to=2027-03-01").token(desk).send(), 400,
                "validation-failed");

        clock.set(TODAY.plus(Duration.ofDays(40)));
        JsonNode overdue = http().get("/api/v1/invoices?status=overdue").token(desk).send().json();
        assertThat(overdue.get("items")).hasSize(2);
        Http.Response file = http().get("/api/v1/invoices/export?status=overdue&memberId=" + anne + "&format=csv")
                .token(manager).send();
        assertThat(file.status()).as(file.toString()).isEqualTo(200);
        assertThat(file.header("Content-Disposition").orElseThrow()).contains("invoices-2027-04-10.csv");
        List<String> rows = file.body().lines().toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("invoiceId,number,invoiceDate,dueOn,status,memberId");
        assertThat(rows.get(1)).startsWith(late + ",F-").contains(",overdue," + anne + ",").contains(",35.00,");
        Http.Response xlsx = http().get("/api/v1/payments/export?memberId=" + anne + "&format=xlsx").token(manager)
                .send();
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.bytes()).startsWith((byte) 'P', (byte) 'K');
        assertProblem(http().get("/api/v1/invoices/export?format=pdf").token(manager).send(), 400, "validation-failed");

        assertThat(http().post("/api/v1/invoices/" + late + "/credit-notes", "{\"reason\": \"geste commercial\"}")
                .token(manager).send().status()).isEqualTo(201);
        List<String> notes = http().get("/api/v1/credit-notes/export?memberId=" + anne).token(manager).send().body()
                .lines().toList();
        assertThat(notes).hasSize(2);
        assertThat(notes.get(1)).contains(",AV-000001,").contains(",35.00,true,geste commercial,");
    }

    @Test
    void anOrganisationsOwnPaymentTypeIsTakenOnceAddedAndATypoNever() {
        String invoice = soldFor(UUID.randomUUID(), "48.00");
        assertProblem(pay(invoice, "ancv", "20.00"), 400, "validation-failed");
        assertProblem(pay(invoice, "csh", "20.00"), 400, "validation-failed");
        String methods = """
                {"custom": [{"code": "ancv", "label": "Chèques-Vacances ANCV"}]}""";
        assertThat(http().put("/api/v1/payments/methods", methods).token(desk).send().status()).isEqualTo(403);
        assertProblem(http().put("/api/v1/payments/methods", """
                {"custom": [{"code": "cash", "label": "Espèces bis"}]}""").token(manager).send(), 400,
                "validation-failed");
        JsonNode set = http().put("/api/v1/payments/methods", methods).token(manager).send().json();
        assertThat(set.get("custom")).singleElement().satisfies(method ->
                assertThat(method.get("label").asString()).isEqualTo("Chèques-Vacances ANCV"));
        assertThat(set.get("builtIn").valueStream().map(JsonNode::asString)).contains("cash", "wallet");

        assertThat(pay(invoice, "ancv", "20.00").status()).isEqualTo(201);
        assertThat(http().get("/api/v1/payments/cash-report").token(desk).send().json().get("sites").get(0)
                .get("methods")).singleElement().satisfies(line -> {
                    assertThat(line.get("method").asString()).isEqualTo("ancv");
                    assertThat(line.get("received").get("amount").asString()).isEqualTo("20.00");
                });
        assertThat(http().get("/api/v1/payments/methods").token(token(UUID.randomUUID(), "manager")).send().json()
                .get("custom")).as("another organisation's own methods").isEmpty();
    }

    private String soldFor(UUID member, String price) {
        String invoice = cart(member);
        addLine(invoice, """
                {"kind": "other", "description": "Stage", "unitPrice": {"amount": "%s", "currency": "EUR"},
                 "vatRate": "20.0"}""".formatted(price));
        issue(invoice);
        return invoice;
    }
}
