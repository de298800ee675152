-- Who was merged into whom, who shares a household (from members-service's events; ids only).
CREATE TABLE member_copy (
    member_id       UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    household_id    UUID,
    merged_into     UUID
);
CREATE INDEX member_copy_household ON member_copy (household_id);

-- Passes as staff read them (projection "pass-directory").
CREATE TABLE pass_view (
    pass_id         UUID PRIMARY KEY,
    organization_id UUID         NOT NULL,
    member_id       UUID         NOT NULL,
    plan_id         UUID         NOT NULL,
    name            VARCHAR(200) NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    credits         INT,
    balance         INT,
    sale_reference  VARCHAR(100) NOT NULL,
    activation      VARCHAR(20)  NOT NULL,
    valid_from      DATE,
    valid_until     DATE,
    shareable       BOOLEAN      NOT NULL,
    ended           VARCHAR(20),
    issued_at       TIMESTAMPTZ  NOT NULL,
    version         BIGINT       NOT NULL
);
CREATE INDEX pass_view_member ON pass_view (organization_id, member_id);

-- Every movement of every pass's credit ledger (projection "pass-directory").
CREATE TABLE pass_ledger (
    pass_id     UUID        NOT NULL,
    sequence    BIGINT      NOT NULL,
    movement    VARCHAR(20) NOT NULL,
    from_account VARCHAR(20) NOT NULL,
    to_account  VARCHAR(20) NOT NULL,
    credits     INT         NOT NULL,
    balance     INT,
    booking_id  UUID,
    reason      VARCHAR(500),
    actor       VARCHAR(200),
    moved_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (pass_id, sequence)
);

-- Which passes may pay for a member's booking: kept in the pass's own transaction (subscribing processor
-- "pass-cover"), so a pass pays from the moment it is issued.
CREATE TABLE pass_cover (
    pass_id         UUID PRIMARY KEY,
    organization_id UUID    NOT NULL,
    member_id       UUID    NOT NULL,
    shareable       BOOLEAN NOT NULL,
    valid_until     DATE,
    activated       BOOLEAN NOT NULL,
    balance         INT,
    ended           BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX pass_cover_member ON pass_cover (organization_id, member_id);

-- The state of each booking's credit claim (subscribing processor "credit-claims"), read by the credit protocol in
-- the transaction that decides.
CREATE TABLE credit_claim (
    booking_id      UUID PRIMARY KEY,
    organization_id UUID        NOT NULL,
    status          VARCHAR(20) NOT NULL,
    paid_by         VARCHAR(20),
    payer_id        UUID,
    credits         INT,
    recredit        BOOLEAN     NOT NULL DEFAULT FALSE,
    restored        BOOLEAN     NOT NULL DEFAULT FALSE
);
