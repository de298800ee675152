package io.palestra.billing.product;

import io.palestra.billing.product.ProductCatalog.ProductList;
import io.palestra.billing.product.ProductCatalog.ProductView;
import io.palestra.billing.product.ProductMessages.AdjustStock;
import io.palestra.billing.product.ProductMessages.ChangeProduct;
import io.palestra.billing.product.ProductMessages.CreateProduct;
import io.palestra.billing.product.ProductMessages.RetireProduct;
import io.palestra.platform.axon.ReadYourWrites;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.NotFoundException;
import io.palestra.platform.money.Money;
import io.palestra.platform.security.Caller;
import io.palestra.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import static io.palestra.billing.BillingRoles.SELLERS;
import static io.palestra.billing.BillingRoles.MANAGERS;
import static io.palestra.billing.BillingRoles.READERS;

/** The shop (boutique): items sold at the desk, their prices and their stock. */
@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Products")
class ProductController {


    private final CommandGateway commands;
    private final ProductCatalog catalog;
    private final ReadYourWrites readYourWrites;
    private final Clock clock;

    ProductController(CommandGateway commands, ProductCatalog catalog, ReadYourWrites readYourWrites, Clock clock) {
        this.commands = commands;
        this.catalog = catalog;
        this.readYourWrites = readYourWrites;
        this.clock = clock;
    }

    /**
     * @param unitPrice VAT included
     * @param vatRate   percent, e.g. 20.0 or 5.5
     * @param stock     how many are on the shelf; absent when the stock is not counted
     */
    record ProductRequest(@NotNull @Size(max = 200) String name, @Size(max = 60) String sku, @NotNull Money unitPrice,
                          @NotNull @Schema(type = "string", example = "20.0") BigDecimal vatRate, Integer stock) {
    }

    /** @param reason received (a delivery), count (an inventory found more or less) or damaged */
    record StockRequest(int change, @NotNull String reason) {
    }

    @PostMapping
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Add an item to the shop", description = "Sold at the desk as an invoice line of kind "
            + "shop-item with the item as reference: the line takes its name, price and VAT rate.")
    ResponseEntity<ProductView> create(@Valid @RequestBody ProductRequest request, Caller caller) {
        UUID productId = UUID.randomUUID();
        commands.sendAndWait(new CreateProduct(productId, caller.organization(), request.name(), request.sku(),
                request.unitPrice(), request.vatRate(), request.stock(), caller.subject(), clock.instant()));
        ProductView product = afterChange(caller, productId);
        return ResponseEntity.created(URI.create("/api/v1/products/" + productId))
                .eTag(Versions.etag(product.version())).body(product);
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(summary = "The shop's items by name; q searches names and SKUs")
    ProductList list(@RequestParam(required = false) String q,
                     @RequestParam(required = false, defaultValue = "false") boolean includeRetired,
                     @RequestParam(required = false, defaultValue = "200") int limit, Caller caller) {
        if (limit < 1 || limit > 1000) {
            throw InvalidInputException.of("limit", "must be between 1 and 1000");
        }
        return catalog.list(caller.organization(), q, includeRetired, limit);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "An item, with its latest 50 stock movements (deliveries, counts, sales, returns)")
    ResponseEntity<ProductView> get(@PathVariable UUID id, Caller caller) {
        ProductView product = visible(caller, id);
        return ResponseEntity.ok().eTag(Versions.etag(product.version())).body(product);
    }

    @PutMapping("/{id}")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Change an item's name, SKU, price or VAT rate",
            description = "Invoices already issued keep what they sold it at; the stock changes only by movements.")
    ProductView change(@PathVariable UUID id, @Valid @RequestBody ProductRequest request, Caller caller) {
        visible(caller, id);
        commands.sendAndWait(new ChangeProduct(id, request.name(), request.sku(), request.unitPrice(),
                request.vatRate(), caller.subject(), clock.instant()));
        return afterChange(caller, id);
    }

    @PostMapping("/{id}/stock")
    @PreAuthorize(SELLERS)
    @Operation(summary = "Move the stock: a delivery received, an inventory count, damaged items",
            description = "change is positive or negative; the stock never goes below zero this way (422 "
                    + "stock-below-zero); 422 stock-not-counted for an item without stock.")
    ProductView stock(@PathVariable UUID id, @Valid @RequestBody StockRequest request, Caller caller) {
        visible(caller, id);
        commands.sendAndWait(new AdjustStock(id, request.change(), request.reason(), caller.subject(),
                clock.instant()));
        return afterChange(caller, id);
    }

    @PostMapping("/{id}/retirement")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Stop selling an item (it stays on the invoices that sold it)")
    ProductView retire(@PathVariable UUID id, Caller caller) {
        visible(caller, id);
        commands.sendAndWait(new RetireProduct(id, caller.subject(), clock.instant()));
        return afterChange(caller, id);
    }

    private ProductView visible(Caller caller, UUID id) {
        return catalog.one(caller.organization(), id, true).orElseThrow(() -> NotFoundException.of("product", id));
    }

    private ProductView afterChange(Caller caller, UUID id) {
        readYourWrites.await(ProductCatalog.GROUP, id.toString());
        return visible(caller, id);
    }
}
