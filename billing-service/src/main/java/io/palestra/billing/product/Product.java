package io.palestra.billing.product;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.palestra.billing.invoice.InvoiceLine;
import io.palestra.billing.product.ProductMessages.AdjustStock;
import io.palestra.billing.product.ProductMessages.ChangeProduct;
import io.palestra.billing.product.ProductMessages.CreateProduct;
import io.palestra.billing.product.ProductMessages.ProductChanged;
import io.palestra.billing.product.ProductMessages.ProductCreated;
import io.palestra.billing.product.ProductMessages.ProductRetired;
import io.palestra.billing.product.ProductMessages.RetireProduct;
import io.palestra.billing.product.ProductMessages.ReturnStock;
import io.palestra.billing.product.ProductMessages.StockChanged;
import io.palestra.billing.product.ProductMessages.TakeStock;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.InvalidInputException.InvalidField;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.money.Money;
import io.palestra.platform.organization.Organizations;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A shop item (article de la boutique): its name, price and VAT rate, and its stock when it is counted. The
 * boundary of the stock: every movement is an event with its cause, a sale or a return moves it once (by its entry
 * id). A sale is taken when its invoice is issued, after the desk checked there was one on the shelf; two desks
 * selling the last one at the same moment leave the stock at -1, which the catalog shows as it is (the item was
 * handed over) until a count corrects it.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Product {

    static final Set<String> STAFF_REASONS = Set.of("received", "count", "damaged");

    @AggregateIdentifier
    private UUID productId;
    private UUID organizationId;
    private Integer stock;
    private boolean retired;
    private Set<UUID> entries = new HashSet<>();

    protected Product() {
    }

    @CommandHandler
    Product(CreateProduct command, Organizations organizations) {
        String currency = organizations.requiredCurrency(command.organizationId());
        List<InvalidField> problems = problems(command.name(), command.sku(), command.unitPrice(), command.vatRate(),
                currency);
        if (command.stock() != null && (command.stock() < 0 || command.stock() > 1_000_000)) {
            problems.add(new InvalidField("stock", "must be from 0 to 1000000, or absent when not counted"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        apply(new ProductCreated(command.productId(), command.organizationId(), command.name().strip(),
                blankless(command.sku()), command.unitPrice().normalized(), command.vatRate(), command.stock(),
                command.actor(), command.at()));
    }

    @CommandHandler
    void handle(ChangeProduct command, Organizations organizations) {
        List<InvalidField> problems = problems(command.name(), command.sku(), command.unitPrice(), command.vatRate(),
                organizations.currency(organizationId).orElseThrow());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        apply(new ProductChanged(productId, organizationId, command.name().strip(), blankless(command.sku()),
                command.unitPrice().normalized(), command.vatRate(), command.actor(), command.at()));
    }

    @CommandHandler
    void handle(AdjustStock command) {
        if (!STAFF_REASONS.contains(command.reason())) {
            throw InvalidInputException.of("reason", "must be received, count or damaged");
        }
        if (command.change() == 0 || Math.abs(command.change()) > 1_000_000) {
            throw InvalidInputException.of("change", "must be a number of items other than 0, at most 1000000");
        }
        if (stock == null) {
            throw new RuleViolationException("stock-not-counted", "This item's stock is not counted.");
        }
        if (stock + command.change() < 0 && command.change() < 0) {
            throw new RuleViolationException("stock-below-zero", "Only " + stock + " on the shelf.");
        }
        apply(new StockChanged(productId, organizationId, UUID.randomUUID(), command.change(),
                stock + command.change(), command.reason(), null, command.actor(), command.at()));
    }

    @CommandHandler
    void handle(TakeStock command) {
        if (stock == null || entries.contains(command.entryId())) {
            return;
        }
        apply(new StockChanged(productId, organizationId, command.entryId(), -command.quantity(),
                stock - command.quantity(), "sale", command.invoiceId(), "palestra", command.at()));
    }

    @CommandHandler
    void handle(ReturnStock command) {
        if (stock == null || entries.contains(command.entryId())) {
            return;
        }
        apply(new StockChanged(productId, organizationId, command.entryId(), command.quantity(),
                stock + command.quantity(), "return", command.invoiceId(), "palestra", command.at()));
    }

    @CommandHandler
    void handle(RetireProduct command) {
        if (!retired) {
            apply(new ProductRetired(productId, organizationId, command.actor(), command.at()));
        }
    }

    @EventSourcingHandler
    void on(ProductCreated event) {
        productId = event.productId();
        organizationId = event.organizationId();
        stock = event.stock();
    }

    @EventSourcingHandler
    void on(StockChanged event) {
        stock = event.stock();
        entries.add(event.entryId());
    }

    @EventSourcingHandler
    void on(ProductRetired event) {
        retired = true;
    }

    private static List<InvalidField> problems(String name, String sku, Money unitPrice, BigDecimal vatRate,
                                               String currency) {
        List<InvalidField> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 200) {
            problems.add(new InvalidField("name", "is required, at most 200 characters"));
        }
        if (sku != null && sku.length() > 60) {
            problems.add(new InvalidField("sku", "at most 60 characters"));
        }
        problems.addAll(InvoiceLine.priceProblems(unitPrice, vatRate, currency));
        return problems;
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
