-- The member list's orders, and who has an active membership (fed by subscription-service's events once they exist;
-- until then empty, so the filter "has an active membership" lists no one).

CREATE INDEX member_view_registered ON member_view (organization_id, registered_at, member_id);
CREATE INDEX member_view_last_change ON member_view (organization_id, last_admin_change_at, member_id);

CREATE TABLE member_membership (
    member_id       UUID PRIMARY KEY,
    organization_id UUID        NOT NULL,
    active          BOOLEAN     NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
