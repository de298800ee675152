package io.palestra.billing.product;

import io.palestra.billing.product.ProductMessages.AdjustStock;
import io.palestra.billing.product.ProductMessages.ProductCreated;
import io.palestra.billing.product.ProductMessages.ReturnStock;
import io.palestra.billing.product.ProductMessages.StockChanged;
import io.palestra.billing.product.ProductMessages.TakeStock;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.money.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;

/**
 * A shop item's stock: a sale or a return moves it once (an issued sale is taken even past zero: the item was handed
 * over); staff never take it below zero; an uncounted stock stays uncounted.
 */
class ProductTest {

    private static final UUID ORGANIZATION = UUID.randomUUID();
    private static final UUID BOTTLE = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");

    private final UUID line = UUID.randomUUID();
    private final UUID invoice = UUID.randomUUID();
    private AggregateTestFixture<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
    }

    @Test
    void aSaleTakesItsItemsOnceAndACreditNoteReturnsThemOnce() {
        fixture.given(created(5))
                .when(new TakeStock(BOTTLE, line, 2, invoice, NOW))
                .expectEvents(new StockChanged(BOTTLE, ORGANIZATION, line, -2, 3, "sale", invoice, "palestra", NOW));
        fixture.given(created(5), sold(2, 3))
                .when(new TakeStock(BOTTLE, line, 2, invoice, NOW))
                .expectNoEvents();
        UUID returned = UUID.randomUUID();
        fixture.given(created(5), sold(2, 3))
                .when(new ReturnStock(BOTTLE, returned, 1, invoice, NOW))
                .expectEvents(new StockChanged(BOTTLE, ORGANIZATION, returned, 1, 4, "return", invoice, "palestra",
                        NOW));
        UUID raced = UUID.randomUUID();
        fixture.given(created(1), sold(1, 0))
                .when(new TakeStock(BOTTLE, raced, 1, invoice, NOW))
                .expectEvents(new StockChanged(BOTTLE, ORGANIZATION, raced, -1, -1, "sale", invoice, "palestra", NOW));
    }

    @Test
    void staffNeverTakeTheStockBelowZeroAndAnUncountedItemHasNone() {
        fixture.given(created(2))
                .when(new AdjustStock(BOTTLE, -3, "damaged", "manager", NOW))
                .expectException(RuleViolationException.class).expectExceptionMessage(containsString("Only 2"))
                .expectNoEvents();
        fixture.given(created(null))
                .when(new AdjustStock(BOTTLE, 10, "received", "manager", NOW))
                .expectException(RuleViolationException.class).expectExceptionMessage(containsString("not counted"))
                .expectNoEvents();
        fixture.given(created(null))
                .when(new TakeStock(BOTTLE, line, 2, invoice, NOW))
                .expectNoEvents();
    }

    private static ProductCreated created(Integer stock) {
        return new ProductCreated(BOTTLE, ORGANIZATION, "Gourde", "GRD-1", new Money(new BigDecimal("12.00"), "EUR"),
                new BigDecimal("20.0"), stock, "manager", NOW);
    }

    private StockChanged sold(int quantity, int after) {
        return new StockChanged(BOTTLE, ORGANIZATION, line, -quantity, after, "sale", invoice, "palestra", NOW);
    }
}
