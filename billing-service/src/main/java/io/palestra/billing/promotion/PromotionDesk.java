package io.palestra.billing.promotion;

import io.palestra.billing.invoice.Promotions;
import io.palestra.billing.promotion.PromotionMessages.RedeemPromotion;
import io.palestra.billing.promotion.PromotionMessages.ReleasePromotion;
import io.palestra.platform.axon.StoredAggregates;
import io.palestra.platform.errors.RuleViolationException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Carts take and let go of promotion codes through the promotions themselves, which keep their usage limits. */
@Component
class PromotionDesk implements Promotions {

    private final CommandGateway commands;
    private final StoredAggregates stored;

    PromotionDesk(CommandGateway commands, StoredAggregates stored) {
        this.commands = commands;
        this.stored = stored;
    }

    @Override
    public Redeemed redeem(UUID organizationId, String code, UUID invoiceId, UUID memberId, LocalDate today,
                           String actor, Instant at) {
        UUID promotionId = PromotionMessages.promotionOf(organizationId, code);
        if (stored.type(promotionId).filter("Promotion"::equals).isEmpty()) {
            throw new RuleViolationException("unknown-promotion", "No promotion code "
                    + PromotionMessages.normalized(code) + ".");
        }
        return commands.sendAndWait(new RedeemPromotion(promotionId, invoiceId, memberId, today, actor, at));
    }

    @Override
    public void release(UUID promotionId, UUID invoiceId, String actor, Instant at) {
        commands.sendAndWait(new ReleasePromotion(promotionId, invoiceId, actor, at));
    }
}
