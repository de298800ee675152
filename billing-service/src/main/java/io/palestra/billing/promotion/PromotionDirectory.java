package io.palestra.billing.promotion;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.palestra.billing.invoice.Discount;
import io.palestra.billing.promotion.PromotionMessages.PromotionChanged;
import io.palestra.billing.promotion.PromotionMessages.PromotionCreated;
import io.palestra.billing.promotion.PromotionMessages.PromotionRedeemed;
import io.palestra.billing.promotion.PromotionMessages.PromotionReleased;
import io.palestra.billing.promotion.PromotionMessages.PromotionRetired;
import io.palestra.platform.axon.VersionedRows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Promotion codes as staff read them: what they take off, when and on what, how many carts use them and which.
 * Rebuildable: a reset empties it; each row keeps the sequence of the last event applied.
 */
@Component
@ProcessingGroup(PromotionDirectory.GROUP)
class PromotionDirectory {

    static final String GROUP = "promotion-directory";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final VersionedRows promotions;

    PromotionDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.promotions = new VersionedRows(jdbc, "promotion_view", "promotion_id");
    }

    /**
     * @param uses    how many carts and invoices use it
     * @param usedBy  the invoices that use it, latest first (only when one promotion is read)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PromotionView(UUID promotionId, String code, String name, Discount discount, LocalDate validFrom,
                         LocalDate validUntil, Integer maxUses, int uses, List<UUID> appliesTo, boolean retired,
                         List<Use> usedBy, long version) {
    }

    record Use(UUID invoiceId, UUID memberId, Instant at) {
    }

    record PromotionList(List<PromotionView> items) {
    }

    @EventHandler
    void on(PromotionCreated event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO promotion_view (promotion_id, organization_id, code, name, discount, valid_from,
                            valid_until, max_uses, applies_to, version)
                        VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?) ON CONFLICT (promotion_id) DO NOTHING""")
                .params(event.promotionId(), event.organizationId(), event.code(), event.name(),
                        JSON.writeValueAsString(event.discount()), event.validFrom(), event.validUntil(),
                        event.maxUses(), event.appliesTo().toArray(UUID[]::new), version)
                .update();
    }

    @EventHandler
    void on(PromotionChanged event, @SequenceNumber long version) {
        promotions.change(event.promotionId(), version, "name = ?, valid_from = ?, valid_until = ?, max_uses = ?",
                event.name(), event.validFrom(), event.validUntil(), event.maxUses());
    }

    @EventHandler
    void on(PromotionRetired event, @SequenceNumber long version) {
        promotions.change(event.promotionId(), version, "retired = TRUE");
    }

    @EventHandler
    void on(PromotionRedeemed event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO promotion_use_view (promotion_id, invoice_id, member_id, at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (promotion_id, invoice_id) DO NOTHING""")
                .params(event.promotionId(), event.invoiceId(), event.memberId(), event.at().atOffset(ZoneOffset.UTC))
                .update();
        promotions.change(event.promotionId(), version, "uses = ?", event.uses());
    }

    @EventHandler
    void on(PromotionReleased event, @SequenceNumber long version) {
        jdbc.sql("DELETE FROM promotion_use_view WHERE promotion_id = ? AND invoice_id = ?")
                .params(event.promotionId(), event.invoiceId()).update();
        promotions.change(event.promotionId(), version, "uses = ?", event.uses());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE promotion_view, promotion_use_view").update();
    }

    Optional<PromotionView> one(UUID organizationId, UUID promotionId) {
        return jdbc.sql("SELECT * FROM promotion_view WHERE promotion_id = ? AND organization_id = ?")
                .params(promotionId, organizationId).query((rs, row) -> promotion(rs, uses(promotionId)))
                .optional();
    }

    /** @param search part of a code or name, or null; @param at a day the listed codes are valid on, or null */
    PromotionList list(UUID organizationId, String search, LocalDate at, boolean withRetired, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM promotion_view WHERE organization_id = ?");
        List<Object> params = new ArrayList<>(List.of(organizationId));
        if (!withRetired) {
            sql.append(" AND NOT retired");
        }
        if (search != null && !search.isBlank()) {
            sql.append(" AND (code ILIKE ? OR name ILIKE ?)");
            String like = "%" + search.strip().replace("%", "").replace("_", "") + "%";
            params.add(like);
            params.add(like);
        }
        if (at != null) {
            sql.append(" AND (valid_from IS NULL OR valid_from <= ?) AND (valid_until IS NULL OR valid_until >= ?)");
            params.add(at);
            params.add(at);
        }
        sql.append(" ORDER BY code LIMIT ?");
        params.add(limit);
        return new PromotionList(jdbc.sql(sql.toString()).params(params).query((rs, row) -> promotion(rs, null))
                .list());
    }

    private List<Use> uses(UUID promotionId) {
        return jdbc.sql("SELECT * FROM promotion_use_view WHERE promotion_id = ? ORDER BY at DESC LIMIT 200")
                .param(promotionId)
                .query((rs, row) -> new Use(rs.getObject("invoice_id", UUID.class),
                        rs.getObject("member_id", UUID.class), rs.getTimestamp("at").toInstant()))
                .list();
    }

    private static PromotionView promotion(ResultSet rs, List<Use> uses) throws SQLException {
        Array appliesTo = rs.getArray("applies_to");
        return new PromotionView(rs.getObject("promotion_id", UUID.class), rs.getString("code"), rs.getString("name"),
                JSON.readValue(rs.getString("discount"), Discount.class),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                (Integer) rs.getObject("max_uses"), rs.getInt("uses"),
                Arrays.asList((UUID[]) appliesTo.getArray()), rs.getBoolean("retired"), uses,
                rs.getLong("version"));
    }
}
