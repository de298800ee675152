package io.palestra.billing.invoice;

import io.palestra.platform.money.Money;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/** The shop's items as the desk prices them (the product catalog). */
public interface ShopItems {

    /** @param stock how many are on the shelf, or null when not counted */
    record ShopItem(UUID productId, String name, Money unitPrice, BigDecimal vatRate, Integer stock,
                    boolean retired) {
    }

    Optional<ShopItem> find(UUID organizationId, UUID productId);
}
