package io.palestra.billing;

import io.palestra.test.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shop and promotion codes through the API on a real PostgreSQL and Kafka: an item priced from the shop and taken
 * off the shelf when its invoice is issued, put back by a credit note; a promotion code on the lines it applies to,
 * counted once per cart up to its limit and given back when removed; what is refused changes nothing.
 */
class ShopIT extends BillingServiceTest {

    @Test
    void aShopItemIsPricedFromTheShopAndItsStockFollowsSalesAndCreditNotes() {
        String item = """
                {"name": "Gourde inox", "sku": "GRD-1", "unitPrice": {"amount": "12.00", "currency": "EUR"},
                 "vatRate": "20.0", "stock": 3}""";
        assertThat(http().post("/api/v1/products", item).token(desk).send().status()).isEqualTo(403);
        assertProblem(http().post("/api/v1/products", """
                {"name": "Gourde", "unitPrice": {"amount": "-1.00", "currency": "EUR"}, "vatRate": "20.0"}""")
                .token(manager).send(), 400, "validation-failed");
        Http.Response created = http().post("/api/v1/products", item).token(manager).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String bottle = created.json().get("productId").asString();
        assertThat(created.json().get("stock").asInt()).isEqualTo(3);

        String invoice = cart(UUID.randomUUID());
        Http.Response tooMany = http().post("/api/v1/invoices/" + invoice + "/lines", """
                {"kind": "shop-item", "reference": "%s", "quantity": 4}""".formatted(bottle)).token(desk).send();
        assertProblem(tooMany, 422, "out-of-stock");
        JsonNode line = addLine(invoice, """
                {"kind": "shop-item", "reference": "%s", "quantity": 2,
                 "unitPrice": {"amount": "1.00", "currency": "EUR"}}""".formatted(bottle)).get("lines").get(0);
        assertThat(line.get("description").asString()).isEqualTo("Gourde inox");
        assertThat(line.get("unitPrice").get("amount").asString()).as("the shop's price, whatever was asked")
                .isEqualTo("12.00");
        issue(invoice);
        await().until(() -> product(bottle).get("stock").asInt() == 1);
        assertThat(product(bottle).get("movements").get(0).get("cause").asString()).isEqualTo("sale");

        Http.Response credited = http().post("/api/v1/invoices/" + invoice + "/credit-notes", """
                {"lineIds": ["%s"], "reason": "Retour"}""".formatted(line.get("lineId").asString())).token(manager)
                .send();
        assertThat(credited.status()).as(credited.toString()).isEqualTo(201);
        await().until(() -> product(bottle).get("stock").asInt() == 3);

        assertProblem(http().post("/api/v1/products/" + bottle + "/stock", """
                {"change": -4, "reason": "damaged"}""").token(desk).send(), 422, "stock-below-zero");
        Http.Response received = http().post("/api/v1/products/" + bottle + "/stock", """
                {"change": 10, "reason": "received"}""").token(desk).send();
        assertThat(received.status()).as(received.toString()).isEqualTo(200);
        assertThat(received.json().get("stock").asInt()).isEqualTo(13);
        assertThat(http().post("/api/v1/products/" + bottle + "/retirement", "").token(manager).send().status())
                .isEqualTo(200);
        assertProblem(http().post("/api/v1/invoices/" + cart(UUID.randomUUID()) + "/lines", """
                {"kind": "shop-item", "reference": "%s"}""".formatted(bottle)).token(desk).send(), 422,
                "product-retired");
        assertThat(http().get("/api/v1/products?q=grd").token(desk).send().json().get("items")).isEmpty();
        assertThat(http().get("/api/v1/products?q=grd&includeRetired=true").token(desk).send().json().get("items"))
                .hasSize(1);
        assertThat(http().get("/api/v1/products/" + bottle).token(token(UUID.randomUUID(), "manager")).send()
                .status()).isEqualTo(404);
    }

    @Test
    void aPromotionCodeDiscountsWhatItAppliesToOncePerCartUpToItsLimit() {
        UUID pack = classPack("Carte 10 cours", "120.00");
        Http.Response created = http().post("/api/v1/promotions", """
                {"code": "printemps10", "name": "Printemps", "discount": {"percent": "10"},
                 "validFrom": "2027-03-01", "validUntil": "2027-03-31", "maxUses": 1, "appliesTo": ["%s"]}"""
                .formatted(pack)).token(manager).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String promotion = created.json().get("promotionId").asString();
        assertThat(created.json().get("code").asString()).isEqualTo("PRINTEMPS10");
        assertProblem(http().post("/api/v1/promotions", """
                {"code": "Printemps10", "name": "Encore", "discount": {"percent": "5"}}""").token(manager).send(),
                422, "promotion-code-taken");

        String first = cart(UUID.randomUUID());
        addLine(first, """
                {"kind": "class-pack", "reference": "%s", "startsOn": "2027-03-01"}""".formatted(pack));
        addLine(first, """
                {"kind": "shop-item", "description": "Gourde", "unitPrice": {"amount": "15.00", "currency": "EUR"},
                 "vatRate": "20.0"}""");
        assertProblem(usePromotion(first, "HIVER"), 422, "unknown-promotion");
        Http.Response applied = usePromotion(first, " printemps10 ");
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.json().get("promotion").get("code").asString()).isEqualTo("PRINTEMPS10");
        assertThat(applied.json().get("lines").get(0).get("discount").get("reason").asString())
                .isEqualTo("Code PRINTEMPS10");
        assertThat(applied.json().get("lines").get(1).path("discount").isNull()).as("the code applies to the pack only")
                .isTrue();
        assertThat(applied.json().get("totals").get("total").get("amount").asString()).isEqualTo("123.00");
        String packLine = applied.json().get("lines").get(0).get("lineId").asString();
        assertProblem(http().put("/api/v1/invoices/" + first + "/lines/" + packLine + "/discount",
                "{\"percent\": \"50\"}").token(desk).send(), 422, "promotion-discount");
        assertThat(usePromotion(first, "PRINTEMPS10").status()).as("the same code twice is one use").isEqualTo(200);

        String second = cart(UUID.randomUUID());
        addLine(second, """
                {"kind": "class-pack", "reference": "%s", "startsOn": "2027-03-01"}""".formatted(pack));
        assertProblem(usePromotion(second, "PRINTEMPS10"), 422, "promotion-used-up");
        assertThat(http().get("/api/v1/invoices/" + second).token(desk).send().json().get("version").asLong())
                .as("a refused code changes nothing").isEqualTo(1);

        JsonNode released = http().delete("/api/v1/invoices/" + first + "/promotion").token(desk).send().json();
        assertThat(released.has("promotion")).isFalse();
        assertThat(released.get("totals").get("total").get("amount").asString()).isEqualTo("135.00");
        String bottleOnly = cart(UUID.randomUUID());
        addLine(bottleOnly, """
                {"kind": "shop-item", "description": "Gourde", "unitPrice": {"amount": "15.00", "currency": "EUR"},
                 "vatRate": "20.0"}""");
        assertProblem(usePromotion(bottleOnly, "PRINTEMPS10"), 422, "promotion-not-applicable");
        assertThat(usePromotion(second, "PRINTEMPS10").status())
                .as("the cart that could not take the code gave its one use back").isEqualTo(200);
        JsonNode issued = issue(second);
        assertThat(issued.get("totals").get("total").get("amount").asString()).isEqualTo("108.00");
        await().until(() -> http().get("/api/v1/promotions/" + promotion).token(desk).send().json().get("usedBy")
                .valueStream().map(use -> use.get("invoiceId").asString()).toList().equals(java.util.List.of(second)));

        clock.advance(java.time.Duration.ofDays(31));
        String late = cart(UUID.randomUUID());
        addLine(late, """
                {"kind": "class-pack", "reference": "%s", "startsOn": "2027-04-01"}""".formatted(pack));
        assertThat(http().put("/api/v1/promotions/" + promotion, """
                {"name": "Printemps", "validFrom": "2027-03-01", "validUntil": "2027-03-31", "maxUses": 5}""")
                .token(manager).send().status()).isEqualTo(200);
        assertProblem(usePromotion(late, "PRINTEMPS10"), 422, "promotion-expired");
    }

    private Http.Response usePromotion(String invoice, String code) {
        return http().put("/api/v1/invoices/" + invoice + "/promotion", "{\"code\": \"" + code + "\"}").token(desk)
                .send();
    }

    private JsonNode product(String product) {
        return http().get("/api/v1/products/" + product).token(desk).send().json();
    }
}
