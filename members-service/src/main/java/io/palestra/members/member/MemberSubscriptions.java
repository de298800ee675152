package io.palestra.members.member;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * members-service's copy of each member's subscriptions and their statuses, from subscription-service's events (see
 * {@code integration.SubscriptionsEvents}), for the member list's "has an active membership" filter: a membership
 * counts until it is cancelled or expired, upcoming ones included (seed 004). Each change is idempotent; a status
 * that arrives before its subscription creates the row.
 */
@Component
public class MemberSubscriptions {

    /** The statuses of a membership that is over. */
    static final String ENDED = "'cancelled', 'expired'";

    private final JdbcClient jdbc;

    MemberSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void subscribed(UUID organizationId, UUID subscriptionId, UUID memberId, Instant at) {
        jdbc.sql("""
                        INSERT INTO member_subscription (subscription_id, organization_id, member_id, status, updated_at)
                        VALUES (?, ?, ?, 'upcoming', ?) ON CONFLICT (subscription_id) DO NOTHING""")
                .params(subscriptionId, organizationId, memberId, at.atOffset(ZoneOffset.UTC)).update();
    }

    public void statusChanged(UUID organizationId, UUID subscriptionId, UUID memberId, String status, Instant at) {
        jdbc.sql("""
                        INSERT INTO member_subscription (subscription_id, organization_id, member_id, status, updated_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (subscription_id) DO UPDATE SET status = EXCLUDED.status,
                                                                    updated_at = EXCLUDED.updated_at
                        WHERE member_subscription.updated_at <= EXCLUDED.updated_at""")
                .params(subscriptionId, organizationId, memberId, status, at.atOffset(ZoneOffset.UTC)).update();
    }
}
