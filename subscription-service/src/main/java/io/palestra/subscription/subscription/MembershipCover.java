package io.palestra.subscription.subscription;

import io.palestra.subscription.credit.Memberships;
import io.palestra.subscription.credit.Seat;
import io.palestra.subscription.subscription.SubscriptionMessages.GiveBackMembershipUse;
import io.palestra.subscription.subscription.SubscriptionMessages.OutlookChanged;
import io.palestra.subscription.subscription.SubscriptionMessages.Subscribed;
import io.palestra.subscription.subscription.SubscriptionMessages.SubscriptionEnded;
import io.palestra.subscription.subscription.SubscriptionMessages.SubscriptionReassigned;
import io.palestra.subscription.subscription.SubscriptionMessages.UseAnswer;
import io.palestra.subscription.subscription.SubscriptionMessages.UseMembership;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Memberships in the credit protocol: which of a member's subscriptions may pay for a session, kept in the
 * {@code membership_cover} table by a subscribing processor (in the transaction of the subscription's own events, so
 * a membership pays from the moment it is sold); the subscription itself then decides (dates in its site's time zone,
 * pauses, site, activity, classes per week), in the caller's transaction.
 */
@Component
@ProcessingGroup(MembershipCover.GROUP)
class MembershipCover implements Memberships {

    static final String GROUP = "membership-cover";

    private final JdbcClient jdbc;
    private final CommandGateway commands;

    MembershipCover(JdbcClient jdbc, CommandGateway commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    @Override
    public Answer use(Seat seat, Instant now) {
        // The site's day may differ from UTC's by a day either way: the subscription judges with its own time zone.
        LocalDate day = LocalDate.ofInstant(seat.startsAt(), ZoneOffset.UTC);
        List<UUID> candidates = jdbc.sql("""
                        SELECT subscription_id FROM membership_cover
                        WHERE organization_id = ? AND member_id = ? AND NOT ended AND starts_on <= ?
                          AND (last_day IS NULL OR last_day >= ?)
                        ORDER BY starts_on, subscription_id""")
                .params(seat.organizationId(), seat.memberId(), day.plusDays(1), day.minusDays(1))
                .query(UUID.class).list();
        String refusal = null;
        for (UUID subscription : candidates) {
            UseAnswer answer = commands.sendAndWait(new UseMembership(subscription, seat.bookingId(), seat.siteId(),
                    seat.activityType(), seat.startsAt(), now));
            if (answer.paid()) {
                return new Answer(subscription, null);
            }
            if ("weekly-limit-reached".equals(answer.refusal())) {
                refusal = answer.refusal();
            }
        }
        return new Answer(null, refusal);
    }

    @Override
    public void giveBack(UUID subscriptionId, UUID bookingId, Instant now) {
        commands.sendAndWait(new GiveBackMembershipUse(subscriptionId, bookingId, now));
    }

    @EventHandler
    void on(Subscribed event) {
        jdbc.sql("""
                        INSERT INTO membership_cover (subscription_id, organization_id, member_id, starts_on, last_day)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (subscription_id) DO NOTHING""")
                .params(event.subscriptionId(), event.organizationId(), event.memberId(), event.startsOn(),
                        event.fixedLastDay())
                .update();
    }

    @EventHandler
    void on(OutlookChanged event) {
        jdbc.sql("UPDATE membership_cover SET last_day = ? WHERE subscription_id = ?")
                .params(event.lastDay(), event.subscriptionId()).update();
    }

    @EventHandler
    void on(SubscriptionEnded event) {
        jdbc.sql("UPDATE membership_cover SET ended = TRUE, last_day = ? WHERE subscription_id = ?")
                .params(event.lastDay(), event.subscriptionId()).update();
    }

    @EventHandler
    void on(SubscriptionReassigned event) {
        jdbc.sql("UPDATE membership_cover SET member_id = ? WHERE subscription_id = ?")
                .params(event.toMemberId(), event.subscriptionId()).update();
    }

    /** The table follows the subscriptions' events in their own transaction. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Processing {

        @Bean
        ConfigurerModule membershipCoverSubscribes() {
            return configurer -> configurer.eventProcessing(processing ->
                    processing.registerSubscribingEventProcessor(GROUP));
        }
    }
}
