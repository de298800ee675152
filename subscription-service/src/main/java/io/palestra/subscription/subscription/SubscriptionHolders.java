package io.palestra.subscription.subscription;

import io.palestra.subscription.subscription.SubscriptionMessages.MoveSubscription;
import io.palestra.subscription.subscription.SubscriptionMessages.ReassignSubscription;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/** Follows members-service's member lifecycle: a merge re-points subscriptions, a transfer moves them. */
@Component
public class SubscriptionHolders {

    private final JdbcClient jdbc;
    private final CommandGateway commands;

    SubscriptionHolders(JdbcClient jdbc, CommandGateway commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    /** The duplicate's subscriptions, ended ones included, are now the survivor's. */
    public void merged(UUID organizationId, UUID duplicateId, UUID survivorId, Instant at) {
        jdbc.sql("SELECT subscription_id FROM membership_cover WHERE organization_id = ? AND member_id = ?")
                .params(organizationId, duplicateId).query(UUID.class).list()
                .forEach(subscription -> commands.sendAndWait(new ReassignSubscription(subscription, survivorId,
                        at)));
    }

    /** The member's running subscriptions now belong to their new home site (dates stay in the sold-at zone). */
    public void transferred(UUID organizationId, UUID memberId, UUID toSiteId, Instant at) {
        jdbc.sql("SELECT subscription_id FROM membership_cover WHERE organization_id = ? AND member_id = ? "
                        + "AND NOT ended")
                .params(organizationId, memberId).query(UUID.class).list()
                .forEach(subscription -> commands.sendAndWait(new MoveSubscription(subscription, toSiteId, at)));
    }
}
