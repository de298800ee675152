-- Relations between members (readable from both sides) and households.

CREATE TABLE member_relation (
    relation_id     UUID PRIMARY KEY,
    organization_id UUID        NOT NULL,
    owner_id        UUID        NOT NULL,
    other_id        UUID        NOT NULL,
    kind            VARCHAR(10) NOT NULL,
    counterpart     VARCHAR(10) NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX member_relation_owner ON member_relation (owner_id);
CREATE INDEX member_relation_other ON member_relation (other_id);

-- One household per member: written in the transaction of the household's events (not a projection).
CREATE TABLE household_membership (
    member_id    UUID PRIMARY KEY,
    household_id UUID NOT NULL
);

CREATE TABLE household_view (
    household_id    UUID PRIMARY KEY,
    organization_id UUID        NOT NULL,
    holder_id       UUID        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE household_member_view (
    member_id    UUID PRIMARY KEY,
    household_id UUID        NOT NULL,
    joined_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX household_member_view_household ON household_member_view (household_id);
