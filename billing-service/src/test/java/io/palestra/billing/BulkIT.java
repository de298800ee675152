package io.palestra.billing;

import io.palestra.test.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bulk invoices and credits for a list of members (seed 004) on a real PostgreSQL and Kafka: one invoice or credit
 * per member, numbered in order, none twice when the batch is sent again, nothing when a line is refused.
 */
class BulkIT extends BillingServiceTest {

    @Test
    void theSameLinesAreInvoicedToEachMemberOnceEvenWhenTheBatchIsSentAgain() {
        UUID anne = UUID.randomUUID();
        UUID bruno = UUID.randomUUID();
        UUID batch = UUID.randomUUID();
        String request = """
                {"batchId": "%s", "siteId": "%s", "memberIds": ["%s", "%s", "%s"],
                 "lines": [{"kind": "other", "description": "Tournoi de printemps",
                            "unitPrice": {"amount": "25.00", "currency": "EUR"}, "vatRate": "20.0"}],
                 "dueOn": "2027-03-15"}""".formatted(batch, lyon, anne, bruno, anne);
        assertThat(http().post("/api/v1/invoices/bulk", request).token(desk).send().status())
                .as("bulk invoicing is the manager's").isEqualTo(403);
        assertProblem(http().post("/api/v1/invoices/bulk", request.replace("\"25.00\"", "\"-1\"")).token(manager)
                .send(), 400, "validation-failed");
        assertProblem(http().post("/api/v1/invoices/bulk", request.replace("\"" + bruno + "\"", "null"))
                .token(manager).send(), 400, "validation-failed");
        assertThat(http().get("/api/v1/invoices?memberId=" + anne).token(manager).send().json().get("items"))
                .as("a refused batch invoices no one").isEmpty();

        Http.Response sent = http().post("/api/v1/invoices/bulk", request).token(manager).send();
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        JsonNode result = sent.json();
        assertThat(result.get("created").asInt()).isEqualTo(2);
        assertThat(result.get("invoices").valueStream().map(invoice -> invoice.get("number").asString()))
                .containsExactly("F-000001", "F-000002");
        assertThat(result.get("invoices").get(0).get("total").get("amount").asString()).isEqualTo("25.00");

        JsonNode again = http().post("/api/v1/invoices/bulk", request).token(manager).send().json();
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("existing").asInt()).isEqualTo(2);
        JsonNode annes = http().get("/api/v1/invoices?memberId=" + anne).token(manager).send().json().get("items");
        assertThat(annes).singleElement().satisfies(invoice -> {
            assertThat(invoice.get("status").asString()).isEqualTo("issued");
            assertThat(invoice.get("dueOn").asString()).isEqualTo("2027-03-15");
        });

        JsonNode drafts = http().post("/api/v1/invoices/bulk", """
                {"siteId": "%s", "memberIds": ["%s"], "issue": false,
                 "lines": [{"kind": "other", "description": "Maillot", "unitPrice": {"amount": "30.00",
                            "currency": "EUR"}, "vatRate": "20.0"}]}""".formatted(lyon, bruno)).token(manager)
                .send().json();
        assertThat(drafts.get("invoices").get(0).has("number")).as("left as a cart to check").isFalse();
        UUID draftBatch = UUID.fromString(drafts.get("batchId").asString());
        JsonNode completed = http().post("/api/v1/invoices/bulk", """
                {"batchId": "%s", "siteId": "%s", "memberIds": ["%s"],
                 "lines": [{"kind": "other", "description": "Maillot", "unitPrice": {"amount": "30.00",
                            "currency": "EUR"}, "vatRate": "20.0"}]}""".formatted(draftBatch, lyon, bruno))
                .token(manager).send().json();
        assertThat(completed.get("existing").asInt()).isEqualTo(1);
        assertThat(completed.get("invoices").get(0).get("number").asString())
                .as("the batch's cart completed and issued, not made again").isEqualTo("F-000003");
        assertThat(completed.get("invoices").get(0).get("total").get("amount").asString()).isEqualTo("30.00");
    }

    @Test
    void theSameCreditGoesOnEachAccountOnce() {
        UUID anne = UUID.randomUUID();
        UUID bruno = UUID.randomUUID();
        UUID batch = UUID.randomUUID();
        String request = """
                {"batchId": "%s", "siteId": "%s", "memberIds": ["%s", "%s"],
                 "amount": {"amount": "12.50", "currency": "EUR"}, "reason": "cours annulé du 3 mars"}"""
                .formatted(batch, lyon, anne, bruno);
        assertThat(http().post("/api/v1/accounts/bulk-credits", request).token(desk).send().status())
                .isEqualTo(403);
        JsonNode first = http().post("/api/v1/accounts/bulk-credits", request).token(manager).send().json();
        assertThat(first.get("credited")).hasSize(2);
        JsonNode second = http().post("/api/v1/accounts/bulk-credits", request).token(manager).send().json();
        assertThat(second.get("credited")).isEmpty();
        assertThat(second.get("already")).hasSize(2);
        JsonNode account = await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/v1/accounts/" + bruno)
                .token(desk).send().json(), found -> found.path("balance").path("amount").asString("").equals("12.50"));
        assertThat(account.get("entries")).singleElement().satisfies(entry -> {
            assertThat(entry.get("cause").asString()).isEqualTo("goodwill");
            assertThat(entry.get("note").asString()).isEqualTo("cours annulé du 3 mars");
        });
    }
}
