package io.palestra.billing.catalog;

import io.palestra.events.subscriptions.PlanPriceChanged;
import io.palestra.events.subscriptions.PlanPublished;
import io.palestra.events.subscriptions.PlanRetired;
import io.palestra.platform.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The offers of subscription-service's catalog as billing sells them, from its published events: name, price (VAT
 * included) and VAT rate, where they are valid, and whether they are still sold. Memberships are sold by subscribing
 * (in subscription-service); packs and passes are sold here.
 */
@Component
public class Offers {

    /**
     * @param siteIds    where it is valid; empty: every site
     * @param activation a pack's start: {@code sale}, {@code chosen-date} (a start date is given when sold) or
     *                   {@code first-use}
     */
    public record Offer(UUID planId, String kind, String name, Money price, BigDecimal vatRate, List<UUID> siteIds,
                        String activation, boolean retired) {

        /** Whether a pack of this offer is sold with the day it starts. */
        public boolean startsOnAChosenDate() {
            return "chosen-date".equals(activation);
        }

        public boolean validAt(UUID siteId) {
            return siteIds.isEmpty() || siteIds.contains(siteId);
        }
    }

    private final JdbcClient jdbc;

    Offers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static boolean isAbout(Object event) {
        return event instanceof PlanPublished || event instanceof PlanPriceChanged || event instanceof PlanRetired;
    }

    /** Applies one of the catalog's facts; the latest publication of a plan is the whole of it. */
    public void follow(Object event) {
        if (event instanceof PlanPublished published) {
            jdbc.sql("""
                            INSERT INTO offer_copy (plan_id, organization_id, kind, name, price, currency, vat_rate,
                                site_ids, activation)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (plan_id) DO UPDATE SET kind = excluded.kind, name = excluded.name,
                                price = excluded.price, currency = excluded.currency, vat_rate = excluded.vat_rate,
                                site_ids = excluded.site_ids, activation = excluded.activation, retired = FALSE""")
                    .params(published.planId(), published.organizationId(), published.kind(), published.name(),
                            published.price().amount(), published.price().currency(), published.vatRate(),
                            published.siteIds().toArray(UUID[]::new), published.activation())
                    .update();
        } else if (event instanceof PlanPriceChanged changed) {
            jdbc.sql("UPDATE offer_copy SET price = ?, currency = ? WHERE plan_id = ?")
                    .params(changed.price().amount(), changed.price().currency(), changed.planId()).update();
        } else if (event instanceof PlanRetired retired) {
            jdbc.sql("UPDATE offer_copy SET retired = TRUE WHERE plan_id = ?").param(retired.planId()).update();
        }
    }

    public Optional<Offer> find(UUID organizationId, UUID planId) {
        return jdbc.sql("SELECT * FROM offer_copy WHERE plan_id = ? AND organization_id = ?")
                .params(planId, organizationId)
                .query((rs, row) -> {
                    Array sites = rs.getArray("site_ids");
                    return new Offer(rs.getObject("plan_id", UUID.class), rs.getString("kind"), rs.getString("name"),
                            new Money(rs.getBigDecimal("price"), rs.getString("currency").strip()).normalized(),
                            rs.getBigDecimal("vat_rate"), Arrays.asList((UUID[]) sites.getArray()),
                            rs.getString("activation"), rs.getBoolean("retired"));
                }).optional();
    }
}
