-- Who has a membership, from subscription-service's events (MemberSubscribed, SubscriptionStatusChanged): one row
-- per subscription with its status as staff read it. A copy of another service's facts, not a projection of this
-- service's event store: a projection reset leaves it alone. Replaces the placeholder of V10, which nothing fed.
DROP TABLE member_membership;

CREATE TABLE member_subscription (
    subscription_id UUID PRIMARY KEY,
    organization_id UUID        NOT NULL,
    member_id       UUID        NOT NULL,
    status          VARCHAR(30) NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX member_subscription_member ON member_subscription (member_id);
