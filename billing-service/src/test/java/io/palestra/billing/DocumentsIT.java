package io.palestra.billing;

import io.palestra.events.PostalAddress;
import io.palestra.events.members.HouseholdChanged;
import io.palestra.events.members.MemberProfile;
import io.palestra.events.members.MemberProfileErased;
import io.palestra.test.Http;
import io.palestra.test.PublishedEvents;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an invoice is issued with, on a real PostgreSQL and Kafka: the seller details the managers set, the buyer from
 * members-service's profiles, the household holder who pays for a child; its PDF, the same at every download, and
 * unchanged when the member is later erased.
 */
class DocumentsIT extends BillingServiceTest {

    @Test
    void aHouseholdMembersPurchaseIsBilledToTheHolderAndPrintedTheSameEveryTime() throws IOException {
        String seller = """
                {"legalName": "Studio Lumière SAS", "address": ["3 rue Mercière", "69002 Lyon"],
                 "registrationNumber": "123 456 789 00012", "vatNumber": "FR12123456789",
                 "notice": "Pénalités de retard : trois fois le taux d'intérêt légal."}""";
        assertThat(http().put("/api/v1/invoices/seller", seller).token(desk).send().status()).isEqualTo(403);
        assertProblem(http().put("/api/v1/invoices/seller", """
                {"legalName": "Studio Lumière SAS", "address": []}""").token(manager).send(), 400,
                "validation-failed");
        assertProblem(http().get("/api/v1/invoices/seller").token(desk).send(), 404, "seller-details-not-found");
        assertThat(http().put("/api/v1/invoices/seller", seller).token(manager).send().status()).isEqualTo(200);

        UUID claire = UUID.randomUUID();
        UUID leo = UUID.randomUUID();
        PublishedEvents.publish(new MemberProfile(organization, claire, lyon, "M-0042", "Claire", "Durand",
                "claire@example.org", null, null, "fr", List.of(new PostalAddress("1 place Bellecour", null, "69002",
                "Lyon", null, "FR")), null, null, null), claire);
        PublishedEvents.publish(new HouseholdChanged(organization, UUID.randomUUID(), claire, List.of(claire, leo)),
                organization);
        await().until(() -> jdbc.sql("SELECT count(*) FROM household_copy WHERE member_id = ?").param(leo)
                .query(Long.class).single() == 1 && jdbc.sql("SELECT count(*) FROM buyer_copy WHERE member_id = ?")
                .param(claire).query(Long.class).single() == 1);

        String invoice = cart(leo);
        JsonNode draft = http().get("/api/v1/invoices/" + invoice).token(desk).send().json();
        assertThat(draft.get("memberId").asString()).as("the holder pays").isEqualTo(claire.toString());
        assertThat(draft.get("beneficiaryId").asString()).isEqualTo(leo.toString());
        JsonNode line = addLine(invoice, """
                {"kind": "other", "description": "Stage vacances", "unitPrice": {"amount": "80.00", "currency": "EUR"},
                 "vatRate": "20.0"}""").get("lines").get(0);
        assertThat(line.get("beneficiaryId").asString()).as("the line is for the child").isEqualTo(leo.toString());
        assertProblem(http().get("/api/v1/invoices/" + invoice + "/pdf").token(desk).send(), 422,
                "invoice-not-issued");

        JsonNode issued = issue(invoice);
        assertThat(issued.get("seller").get("registrationNumber").asString()).isEqualTo("123 456 789 00012");
        assertThat(issued.get("buyer").get("name").asString()).isEqualTo("Claire Durand");
        Http.Response pdf = http().get("/api/v1/invoices/" + invoice + "/pdf").token(desk).send();
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.header("Content-Disposition")).hasValue("inline; filename=\"F-000001.pdf\"");
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Facture F-000001", "Studio Lumière SAS",
                    "Claire Durand", "Membre M-0042", "1 place Bellecour", "Stage vacances");
        }
        assertThat(pay(invoice, "cash", "80.00").status()).isEqualTo(201);

        PublishedEvents.publish(new MemberProfileErased(organization, claire), claire);
        await().until(() -> jdbc.sql("SELECT count(*) FROM buyer_copy WHERE member_id = ?").param(claire)
                .query(Long.class).single() == 0);
        byte[] later = http().get("/api/v1/invoices/" + invoice + "/pdf").token(manager).send().bytes();
        assertThat(later).as("paid, and its buyer erased since: the same document").isEqualTo(pdf.bytes());
        assertThat(http().get("/api/v1/invoices/" + invoice + "/pdf").token(token(UUID.randomUUID(), "manager"))
                .send().status()).isEqualTo(404);
    }
}
