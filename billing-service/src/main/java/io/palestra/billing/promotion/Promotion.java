package io.palestra.billing.promotion;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.palestra.billing.invoice.Discount;
import io.palestra.billing.invoice.Promotions;
import io.palestra.billing.promotion.PromotionMessages.ChangePromotion;
import io.palestra.billing.promotion.PromotionMessages.CreatePromotion;
import io.palestra.billing.promotion.PromotionMessages.PromotionChanged;
import io.palestra.billing.promotion.PromotionMessages.PromotionCreated;
import io.palestra.billing.promotion.PromotionMessages.PromotionRedeemed;
import io.palestra.billing.promotion.PromotionMessages.PromotionReleased;
import io.palestra.billing.promotion.PromotionMessages.PromotionRetired;
import io.palestra.billing.promotion.PromotionMessages.RedeemPromotion;
import io.palestra.billing.promotion.PromotionMessages.ReleasePromotion;
import io.palestra.billing.promotion.PromotionMessages.RetirePromotion;
import io.palestra.platform.errors.InvalidInputException;
import io.palestra.platform.errors.InvalidInputException.InvalidField;
import io.palestra.platform.errors.RuleViolationException;
import io.palestra.platform.organization.Organizations;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A promotion code (code promo): the boundary of its usage limit. Each cart that takes the code counts once until it
 * lets it go, so two desks cannot both take the last use.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Promotion {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{2,39}");

    @AggregateIdentifier
    private UUID promotionId;
    private UUID organizationId;
    private String code;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private Integer maxUses;
    private Discount discount;
    private List<UUID> appliesTo;
    private boolean retired;
    private Set<UUID> carts = new HashSet<>();

    protected Promotion() {
    }

    @CommandHandler
    Promotion(CreatePromotion command, Organizations organizations) {
        String currency = organizations.requiredCurrency(command.organizationId());
        String code = PromotionMessages.normalized(command.code());
        List<InvalidField> problems = problems(command.name(), command.validFrom(), command.validUntil(),
                command.maxUses());
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add(new InvalidField("code", "3 to 40 letters, digits, - or _"));
        }
        if (command.discount() == null) {
            problems.add(new InvalidField("discount", "is required: an amount or a percent"));
        } else {
            problems.addAll(command.discount().problems("discount", currency));
        }
        if (command.appliesTo() != null && command.appliesTo().size() > 100) {
            problems.add(new InvalidField("appliesTo", "at most 100 offers and items"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Discount discount = command.discount();
        apply(new PromotionCreated(command.promotionId(), command.organizationId(), code, command.name().strip(),
                new Discount(discount.amount() == null ? null : discount.amount().normalized(), discount.percent(),
                        discount.reason() == null ? "Code " + code : discount.reason()),
                command.validFrom(), command.validUntil(), command.maxUses(),
                command.appliesTo() == null ? List.of() : List.copyOf(new LinkedHashSet<>(
                        command.appliesTo())), command.actor(), command.at()));
    }

    @CommandHandler
    void handle(ChangePromotion command) {
        List<InvalidField> problems = problems(command.name(), command.validFrom(), command.validUntil(),
                command.maxUses());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        apply(new PromotionChanged(promotionId, organizationId, command.name().strip(), command.validFrom(),
                command.validUntil(), command.maxUses(), command.actor(), command.at()));
    }

    @CommandHandler
    void handle(RetirePromotion command) {
        if (!retired) {
            apply(new PromotionRetired(promotionId, organizationId, command.actor(), command.at()));
        }
    }

    /** @return what the cart takes off, for the invoice to apply */
    @CommandHandler
    Promotions.Redeemed handle(RedeemPromotion command) {
        Promotions.Redeemed redeemed = new Promotions.Redeemed(promotionId, code, discount, appliesTo);
        if (carts.contains(command.invoiceId())) {
            return redeemed;
        }
        if (retired) {
            throw new RuleViolationException("promotion-retired", "Code " + code + " is no longer valid.");
        }
        if (validFrom != null && command.today().isBefore(validFrom)) {
            throw new RuleViolationException("promotion-not-started", "Code " + code + " is valid from " + validFrom
                    + ".");
        }
        if (validUntil != null && command.today().isAfter(validUntil)) {
            throw new RuleViolationException("promotion-expired", "Code " + code + " was valid until " + validUntil
                    + ".");
        }
        if (maxUses != null && carts.size() >= maxUses) {
            throw new RuleViolationException("promotion-used-up", "Code " + code + " was used " + maxUses
                    + " times, its limit.");
        }
        apply(new PromotionRedeemed(promotionId, organizationId, command.invoiceId(), command.memberId(),
                carts.size() + 1, command.actor(), command.at()));
        return redeemed;
    }

    @CommandHandler
    void handle(ReleasePromotion command) {
        if (carts.contains(command.invoiceId())) {
            apply(new PromotionReleased(promotionId, organizationId, command.invoiceId(), carts.size() - 1,
                    command.actor(), command.at()));
        }
    }

    @EventSourcingHandler
    void on(PromotionCreated event) {
        promotionId = event.promotionId();
        organizationId = event.organizationId();
        code = event.code();
        validFrom = event.validFrom();
        validUntil = event.validUntil();
        maxUses = event.maxUses();
        discount = event.discount();
        appliesTo = event.appliesTo();
    }

    @EventSourcingHandler
    void on(PromotionChanged event) {
        validFrom = event.validFrom();
        validUntil = event.validUntil();
        maxUses = event.maxUses();
    }

    @EventSourcingHandler
    void on(PromotionRetired event) {
        retired = true;
    }

    @EventSourcingHandler
    void on(PromotionRedeemed event) {
        carts.add(event.invoiceId());
    }

    @EventSourcingHandler
    void on(PromotionReleased event) {
        carts.remove(event.invoiceId());
    }

    private static List<InvalidField> problems(String name, LocalDate validFrom, LocalDate validUntil,
                                               Integer maxUses) {
        List<InvalidField> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 200) {
            problems.add(new InvalidField("name", "is required, at most 200 characters"));
        }
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            problems.add(new InvalidField("validUntil", "cannot be before validFrom"));
        }
        if (maxUses != null && (maxUses < 1 || maxUses > 1_000_000)) {
            problems.add(new InvalidField("maxUses", "must be from 1 to 1000000, or absent for no limit"));
        }
        return problems;
    }
}
