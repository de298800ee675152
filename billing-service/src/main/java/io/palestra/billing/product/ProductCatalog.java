package io.palestra.billing.product;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.palestra.billing.invoice.ShopItems;
import io.palestra.billing.product.ProductMessages.ProductChanged;
import io.palestra.billing.product.ProductMessages.ProductCreated;
import io.palestra.billing.product.ProductMessages.ProductRetired;
import io.palestra.billing.product.ProductMessages.StockChanged;
import io.palestra.platform.axon.VersionedRows;
import io.palestra.platform.money.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The shop's catalog as the desk reads it: items, prices, what is on the shelf and every stock movement with its
 * cause. Rebuildable: a reset empties it; each row keeps the sequence of the last event applied.
 */
@Component
@ProcessingGroup(ProductCatalog.GROUP)
class ProductCatalog implements ShopItems {

    static final String GROUP = "product-catalog";

    private final JdbcClient jdbc;
    private final VersionedRows products;

    ProductCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.products = new VersionedRows(jdbc, "product_view", "product_id");
    }

    /**
     * @param stock     on the shelf, or null when not counted; below zero when two desks sold the last one at once
     * @param movements the latest stock movements, latest first (only when one item is read)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProductView(UUID productId, String name, String sku, Money unitPrice,
                       @Schema(type = "string", example = "20.0") @JsonFormat(shape = JsonFormat.Shape.STRING)
                       BigDecimal vatRate, Integer stock, boolean retired, List<Movement> movements, long version) {
    }

    /** @param cause received, count, damaged, sale or return */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Movement(int change, int stock, String cause, UUID invoiceId, String actor, Instant at) {
    }

    record ProductList(List<ProductView> items) {
    }

    @EventHandler
    void on(ProductCreated event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO product_view (product_id, organization_id, name, sku, unit_price, currency,
                            vat_rate, stock, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (product_id) DO NOTHING""")
                .params(event.productId(), event.organizationId(), event.name(), event.sku(),
                        event.unitPrice().amount(), event.unitPrice().currency(), event.vatRate(), event.stock(),
                        version)
                .update();
    }

    @EventHandler
    void on(ProductChanged event, @SequenceNumber long version) {
        products.change(event.productId(), version, "name = ?, sku = ?, unit_price = ?, vat_rate = ?", event.name(),
                event.sku(), event.unitPrice().amount(), event.vatRate());
    }

    @EventHandler
    void on(StockChanged event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO stock_movement_view (entry_id, product_id, change, stock, cause, invoice_id,
                            actor, at, sequence)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entry_id) DO NOTHING""")
                .params(event.entryId(), event.productId(), event.change(), event.stock(), event.cause(),
                        event.invoiceId(), event.actor(), event.at().atOffset(ZoneOffset.UTC), version)
                .update();
        products.change(event.productId(), version, "stock = ?", event.stock());
    }

    @EventHandler
    void on(ProductRetired event, @SequenceNumber long version) {
        products.change(event.productId(), version, "retired = TRUE");
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE product_view, stock_movement_view").update();
    }

    @Override
    public Optional<ShopItem> find(UUID organizationId, UUID productId) {
        return one(organizationId, productId, false).map(product -> new ShopItem(product.productId(), product.name(),
                product.unitPrice(), product.vatRate(), product.stock(), product.retired()));
    }

    Optional<ProductView> one(UUID organizationId, UUID productId, boolean withMovements) {
        return jdbc.sql("SELECT * FROM product_view WHERE product_id = ? AND organization_id = ?")
                .params(productId, organizationId)
                .query((rs, row) -> product(rs, withMovements ? movements(productId) : null)).optional();
    }

    /** @param search part of a name or SKU, or null */
    ProductList list(UUID organizationId, String search, boolean withRetired, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM product_view WHERE organization_id = ?");
        List<Object> params = new ArrayList<>(List.of(organizationId));
        if (!withRetired) {
            sql.append(" AND NOT retired");
        }
        if (search != null && !search.isBlank()) {
            sql.append(" AND (name ILIKE ? OR sku ILIKE ?)");
            String like = "%" + search.strip().replace("%", "").replace("_", "") + "%";
            params.add(like);
            params.add(like);
        }
        sql.append(" ORDER BY lower(name), product_id LIMIT ?");
        params.add(limit);
        return new ProductList(jdbc.sql(sql.toString()).params(params).query((rs, row) -> product(rs, null))
                .list());
    }

    private List<Movement> movements(UUID productId) {
        return jdbc.sql("""
                        SELECT * FROM stock_movement_view WHERE product_id = ? ORDER BY sequence DESC LIMIT 50""")
                .param(productId)
                .query((rs, row) -> new Movement(rs.getInt("change"), rs.getInt("stock"), rs.getString("cause"),
                        rs.getObject("invoice_id", UUID.class), rs.getString("actor"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    private static ProductView product(ResultSet rs, List<Movement> movements) throws SQLException {
        Object stock = rs.getObject("stock");
        return new ProductView(rs.getObject("product_id", UUID.class), rs.getString("name"), rs.getString("sku"),
                new Money(rs.getBigDecimal("unit_price"), rs.getString("currency").strip()).normalized(),
                rs.getBigDecimal("vat_rate"),
                stock == null ? null : ((Number) stock).intValue(), rs.getBoolean("retired"), movements,
                rs.getLong("version"));
    }

}
