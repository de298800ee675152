package io.palestra.subscription.subscription;

import io.palestra.subscription.catalog.PlanMessages.PlanPriceChanged;
import io.palestra.subscription.subscription.SubscriptionMessages.Reprice;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * When a plan's prices change for existing subscribers too, every running subscription of the plan is repriced from
 * its next installment. Replays send the same commands again, which change nothing (the price is already the new
 * one). Subscriptions are found in the subscription directory, so one sold in the very instant of the change may
 * keep the price it was sold at.
 */
@Component
@ProcessingGroup("subscription-repricing")
class Repricing {

    private final JdbcClient jdbc;
    private final CommandGateway commands;

    Repricing(JdbcClient jdbc, CommandGateway commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    @EventHandler
    void on(PlanPriceChanged event, @Timestamp Instant at) {
        if (!event.existingSubscribersToo()) {
            return;
        }
        jdbc.sql("SELECT subscription_id FROM subscription_view WHERE plan_id = ? AND NOT ended")
                .param(event.planId()).query(UUID.class).list()
                .forEach(subscription -> commands.sendAndWait(new Reprice(subscription, event.planId(),
                        event.price(), event.categoryPrices(), at)));
    }
}
