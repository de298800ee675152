package io.palestra.subscription.subscription;

import io.palestra.platform.errors.RuleViolationException;
import io.palestra.subscription.subscription.SubscriptionMessages.SetPaymentMethod;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Billing's mandates reaching the subscriptions they are for: a recorded mandate gives its reference to the member's
 * direct-debit subscriptions that need one; a revoked one takes it back from those quoting it, which need a mandate
 * again. Subscriptions that ended are left as they are.
 */
@Component
public class MandateChanges {

    private final JdbcClient jdbc;
    private final CommandGateway commands;

    MandateChanges(JdbcClient jdbc, CommandGateway commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    /** A mandate {@code reference} was recorded for {@code memberId}. */
    public void recorded(UUID organizationId, UUID memberId, String reference, Instant at) {
        set(subscriptions("""
                SELECT subscription_id FROM subscription_view WHERE organization_id = ? AND member_id = ?
                  AND payment_method = 'direct-debit' AND needs_mandate AND status NOT IN ('cancelled', 'expired')""",
                organizationId, memberId), reference, at);
    }

    /** The mandate {@code reference} of {@code memberId} was revoked. */
    public void revoked(UUID organizationId, UUID memberId, String reference, Instant at) {
        set(subscriptions("""
                SELECT subscription_id FROM subscription_view WHERE organization_id = ? AND member_id = ?
                  AND payment_method = 'direct-debit' AND payment_reference = ?
                  AND status NOT IN ('cancelled', 'expired')""", organizationId, memberId, reference), null, at);
    }

    private List<UUID> subscriptions(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(UUID.class).list();
    }

    private void set(List<UUID> subscriptions, String reference, Instant at) {
        for (UUID subscription : subscriptions) {
            try {
                commands.sendAndWait(new SetPaymentMethod(subscription, new PaymentMethod("direct-debit", reference),
                        at));
            } catch (RuleViolationException ended) {
                if (!"subscription-ended".equals(ended.code())) {
                    throw ended;
                }
            }
        }
    }
}
