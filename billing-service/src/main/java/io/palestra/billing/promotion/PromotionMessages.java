package io.palestra.billing.promotion;

import io.palestra.billing.invoice.Discount;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Commands and events of promotion codes (codes promo, seed 001): what they take off, when, how often, on what. */
public final class PromotionMessages {

    private PromotionMessages() {
    }

    /**
     * @param discount  an amount or a percent off each line it applies to (the whole cart when {@code appliesTo} is
     *                  empty)
     * @param validFrom first day it can be used, or null: from now
     * @param validUntil last day it can be used, or null: no end
     * @param maxUses   how many carts can use it in all, or null: no limit
     * @param appliesTo the offers (pack plans) and shop items it applies to; empty: the whole cart
     */
    public record CreatePromotion(UUID promotionId, UUID organizationId, String code, String name, Discount discount,
                                  LocalDate validFrom, LocalDate validUntil, Integer maxUses, List<UUID> appliesTo,
                                  String actor, Instant at) {
    }

    /** Changes when it can be used and how often; what it takes off and on what stay as they were announced. */
    public record ChangePromotion(@TargetAggregateIdentifier UUID promotionId, String name, LocalDate validFrom,
                                  LocalDate validUntil, Integer maxUses, String actor, Instant at) {
    }

    public record RetirePromotion(@TargetAggregateIdentifier UUID promotionId, String actor, Instant at) {
    }

    /** A cart takes the code: counted once per invoice, refused outside its dates or past its limit. */
    public record RedeemPromotion(@TargetAggregateIdentifier UUID promotionId, UUID invoiceId, UUID memberId,
                                  LocalDate today, String actor, Instant at) {
    }

    /** The cart let the code go (removed before issuing): one more use is free. */
    public record ReleasePromotion(@TargetAggregateIdentifier UUID promotionId, UUID invoiceId, String actor,
                                   Instant at) {
    }

    public record PromotionCreated(UUID promotionId, UUID organizationId, String code, String name, Discount discount,
                                   LocalDate validFrom, LocalDate validUntil, Integer maxUses, List<UUID> appliesTo,
                                   String actor, Instant at) {
    }

    public record PromotionChanged(UUID promotionId, UUID organizationId, String name, LocalDate validFrom,
                                   LocalDate validUntil, Integer maxUses, String actor, Instant at) {
    }

    public record PromotionRetired(UUID promotionId, UUID organizationId, String actor, Instant at) {
    }

    /** @param uses how many carts hold it now */
    public record PromotionRedeemed(UUID promotionId, UUID organizationId, UUID invoiceId, UUID memberId, int uses,
                                    String actor, Instant at) {
    }

    public record PromotionReleased(UUID promotionId, UUID organizationId, UUID invoiceId, int uses, String actor,
                                    Instant at) {
    }

    /** The promotion behind {@code code} in an organisation: one per code, whatever its case. */
    public static UUID promotionOf(UUID organizationId, String code) {
        return UUID.nameUUIDFromBytes(("palestra:promotion:" + organizationId + ":" + normalized(code))
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A code as it is kept and compared: trimmed, upper case. */
    public static String normalized(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }
}
