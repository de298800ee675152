package io.palestra.billing.giftcard;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.palestra.billing.giftcard.GiftCardMessages.GiftCardActivated;
import io.palestra.billing.giftcard.GiftCardMessages.GiftCardCancelled;
import io.palestra.billing.giftcard.GiftCardMessages.GiftCardIssued;
import io.palestra.billing.giftcard.GiftCardMessages.GiftCardSent;
import io.palestra.platform.axon.VersionedRows;
import io.palestra.platform.money.Money;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Gift cards as the desk reads them: code, amount, until when, whether used and by whom. Rebuildable: a reset empties
 * it; each row keeps the sequence of the last event applied.
 */
@Component
@ProcessingGroup(GiftCardDirectory.GROUP)
class GiftCardDirectory {

    static final String GROUP = "gift-card-directory";

    private final JdbcClient jdbc;
    private final VersionedRows cards;

    GiftCardDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.cards = new VersionedRows(jdbc, "gift_card_view", "gift_card_id");
    }

    /**
     * @param status  {@code unused}, {@code used} (on a member's account), {@code expired} or {@code cancelled}
     * @param balance what it can still put on an account: its amount while unused, nothing after
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GiftCardView(UUID giftCardId, String code, Money amount, Money balance, LocalDate expiresOn, String status,
                        UUID invoiceId, UUID buyerId, UUID usedBy, Instant usedAt, Instant lastSentAt,
                        Instant issuedAt, long version) {
    }

    record GiftCardList(List<GiftCardView> items) {
    }

    @EventHandler
    void on(GiftCardIssued event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO gift_card_view (gift_card_id, organization_id, site_id, invoice_id, buyer_id, code,
                            amount, currency, expires_on, issued_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (gift_card_id) DO NOTHING""")
                .params(event.giftCardId(), event.organizationId(), event.siteId(), event.invoiceId(),
                        event.buyerId(), event.code(), event.amount().amount(), event.amount().currency(),
                        event.expiresOn(), event.at().atOffset(ZoneOffset.UTC), version)
                .update();
    }

    @EventHandler
    void on(GiftCardSent event, @SequenceNumber long version) {
        cards.change(event.giftCardId(), version, "last_sent_at = ?", event.at().atOffset(ZoneOffset.UTC));
    }

    @EventHandler
    void on(GiftCardActivated event, @SequenceNumber long version) {
        cards.change(event.giftCardId(), version, "used_by = ?, used_at = ?", event.memberId(),
                event.at().atOffset(ZoneOffset.UTC));
    }

    @EventHandler
    void on(GiftCardCancelled event, @SequenceNumber long version) {
        cards.change(event.giftCardId(), version, "cancelled = TRUE");
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE gift_card_view").update();
    }

    Optional<GiftCardView> one(UUID organizationId, UUID giftCardId, LocalDate today) {
        return jdbc.sql("SELECT * FROM gift_card_view WHERE gift_card_id = ? AND organization_id = ?")
                .params(giftCardId, organizationId).query((rs, row) -> card(rs, today)).optional();
    }

    Optional<GiftCardView> byCode(UUID organizationId, String code, LocalDate today) {
        return jdbc.sql("SELECT * FROM gift_card_view WHERE organization_id = ? AND code = ?")
                .params(organizationId, code.strip().toUpperCase(Locale.ROOT))
                .query((rs, row) -> card(rs, today)).optional();
    }

    /** Every filter may be null. */
    GiftCardList list(UUID organizationId, String status, UUID invoiceId, UUID buyerId, LocalDate today, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM gift_card_view WHERE organization_id = ?");
        List<Object> params = new ArrayList<>(List.of(organizationId));
        if (invoiceId != null) {
            sql.append(" AND invoice_id = ?");
            params.add(invoiceId);
        }
        if (buyerId != null) {
            sql.append(" AND buyer_id = ?");
            params.add(buyerId);
        }
        if (status != null) {
            sql.append(switch (status) {
                case "used" -> " AND used_by IS NOT NULL";
                case "cancelled" -> " AND cancelled AND used_by IS NULL";
                case "expired" -> " AND NOT cancelled AND used_by IS NULL AND expires_on < ?";
                default -> " AND NOT cancelled AND used_by IS NULL AND expires_on >= ?";
            });
            if (status.equals("expired") || status.equals("unused")) {
                params.add(today);
            }
        }
        sql.append(" ORDER BY issued_at DESC, gift_card_id LIMIT ?");
        params.add(limit);
        return new GiftCardList(jdbc.sql(sql.toString()).params(params).query((rs, row) -> card(rs, today)).list());
    }

    private static GiftCardView card(ResultSet rs, LocalDate today) throws SQLException {
        Money amount = new Money(rs.getBigDecimal("amount"), rs.getString("currency").strip()).normalized();
        UUID usedBy = rs.getObject("used_by", UUID.class);
        LocalDate expiresOn = rs.getObject("expires_on", LocalDate.class);
        String status = usedBy != null ? "used" : rs.getBoolean("cancelled") ? "cancelled"
                : expiresOn.isBefore(today) ? "expired" : "unused";
        return new GiftCardView(rs.getObject("gift_card_id", UUID.class), rs.getString("code"), amount,
                status.equals("unused") ? amount : Money.zero(amount.currency()), expiresOn, status,
                rs.getObject("invoice_id", UUID.class), rs.getObject("buyer_id", UUID.class), usedBy,
                instant(rs.getTimestamp("used_at")), instant(rs.getTimestamp("last_sent_at")),
                instant(rs.getTimestamp("issued_at")), rs.getLong("version"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
