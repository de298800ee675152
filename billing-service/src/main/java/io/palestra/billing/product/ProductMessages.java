package io.palestra.billing.product;

import io.palestra.platform.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Commands and events of the shop's items (boutique, seed 000): what they cost and how many are on the shelf. */
public final class ProductMessages {

    private ProductMessages() {
    }

    /**
     * @param unitPrice VAT included, in the organisation's currency
     * @param vatRate   percent, e.g. 20.0
     * @param stock     how many are on the shelf, or null when the stock is not counted (a service, a drink)
     */
    public record CreateProduct(UUID productId, UUID organizationId, String name, String sku, Money unitPrice,
                                BigDecimal vatRate, Integer stock, String actor, Instant at) {
    }

    /** Changes what the item is called and costs; already issued invoices keep what they sold it at. */
    public record ChangeProduct(@TargetAggregateIdentifier UUID productId, String name, String sku, Money unitPrice,
                                BigDecimal vatRate, String actor, Instant at) {
    }

    /**
     * Staff change the stock: a delivery received (positive), breakage or a count that found less (negative).
     *
     * @param reason {@code received}, {@code count} or {@code damaged}
     */
    public record AdjustStock(@TargetAggregateIdentifier UUID productId, int change, String reason, String actor,
                              Instant at) {
    }

    /** An issued invoice sold {@code quantity}: taken once per {@code entryId} (the invoice line). */
    public record TakeStock(@TargetAggregateIdentifier UUID productId, UUID entryId, int quantity, UUID invoiceId,
                            Instant at) {
    }

    /** A credit note gave {@code quantity} back: returned once per {@code entryId}. */
    public record ReturnStock(@TargetAggregateIdentifier UUID productId, UUID entryId, int quantity, UUID invoiceId,
                              Instant at) {
    }

    public record RetireProduct(@TargetAggregateIdentifier UUID productId, String actor, Instant at) {
    }

    public record ProductCreated(UUID productId, UUID organizationId, String name, String sku, Money unitPrice,
                                 BigDecimal vatRate, Integer stock, String actor, Instant at) {
    }

    public record ProductChanged(UUID productId, UUID organizationId, String name, String sku, Money unitPrice,
                                 BigDecimal vatRate, String actor, Instant at) {
    }

    /**
     * The stock moved by {@code change} to {@code stock}.
     *
     * @param cause     {@code received}, {@code count}, {@code damaged} (staff), {@code sale} or {@code return}
     * @param invoiceId the invoice of a sale or return, or null
     */
    public record StockChanged(UUID productId, UUID organizationId, UUID entryId, int change, int stock, String cause,
                               UUID invoiceId, String actor, Instant at) {
    }

    public record ProductRetired(UUID productId, UUID organizationId, String actor, Instant at) {
    }
}
