CREATE TABLE member_blacklist_period (
    period_id       UUID PRIMARY KEY,
    member_id       UUID         NOT NULL,
    organization_id UUID         NOT NULL,
    from_date       DATE         NOT NULL,
    until_date      DATE,
    reason          TEXT,
    created_by      VARCHAR(200) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX member_blacklist_member ON member_blacklist_period (member_id);
