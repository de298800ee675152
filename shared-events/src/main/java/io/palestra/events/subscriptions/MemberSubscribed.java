package io.palestra.events.subscriptions;

import com.fasterxml.jackson.annotation.JsonTypeName;
import io.palestra.events.Nullable;
import io.palestra.events.Price;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A member subscribed to a membership plan. Its statuses follow as {@link SubscriptionStatusChanged}, its
 * installments as {@link InstallmentDue}.
 *
 * @param organizationId    the organisation
 * @param subscriptionId    the subscription (also the record key)
 * @param memberId          the subscriber
 * @param planId            the membership plan
 * @param siteId            the site it was sold at, whose time zone its dates are in
 * @param startsOn          first day covered
 * @param endsOn            last day covered for a fixed term, null when open-ended
 * @param commitmentEndsOn  last day of the minimum commitment, null without one
 * @param price             per period, for the member's category, before the special offer
 * @param category          the member category priced, e.g. {@code student}, or null
 * @param period            {@code weekly}, {@code monthly}, {@code quarterly} or {@code yearly}
 * @param offer             the special offer on installments, or null
 * @param joiningFee        charged with the first installment, or null
 * @param firstCollectionOn when the first installment falls due
 * @param paymentMethod     how installments are collected, e.g. {@code direct-debit}, {@code card}, {@code cash}
 * @param subscribedAt      when
 */
@JsonTypeName("palestra.subscriptions.MemberSubscribed.v1")
public record MemberSubscribed(UUID organizationId, UUID subscriptionId, UUID memberId, UUID planId, UUID siteId,
                               LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable LocalDate commitmentEndsOn,
                               Price price, @Nullable String category, String period, @Nullable SpecialOffer offer,
                               @Nullable Price joiningFee, LocalDate firstCollectionOn, String paymentMethod,
                               Instant subscribedAt) implements SubscriptionsEvent {
}
