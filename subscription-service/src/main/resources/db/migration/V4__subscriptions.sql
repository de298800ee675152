-- Subscriptions as staff list them (projection "subscription-directory").
CREATE TABLE subscription_view (
    subscription_id     UUID PRIMARY KEY,
    organization_id     UUID          NOT NULL,
    member_id           UUID          NOT NULL,
    site_id             UUID          NOT NULL,
    plan_id             UUID          NOT NULL,
    plan_name           VARCHAR(200)  NOT NULL,
    category            VARCHAR(40),
    period              VARCHAR(20)   NOT NULL,
    price               NUMERIC(14, 4) NOT NULL,
    currency            CHAR(3)       NOT NULL,
    status              VARCHAR(30)   NOT NULL DEFAULT 'upcoming',
    status_reason       VARCHAR(200),
    starts_on           DATE          NOT NULL,
    last_day            DATE,
    commitment_ends_on  DATE,
    pause_from          DATE,
    pause_until         DATE,
    next_due_on         DATE,
    next_amount         NUMERIC(14, 4),
    payment_method      VARCHAR(20)   NOT NULL,
    payment_reference   VARCHAR(100),
    needs_mandate       BOOLEAN       NOT NULL,
    failed_installments INT           NOT NULL DEFAULT 0,
    ended               BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at          TIMESTAMPTZ   NOT NULL,
    version             BIGINT        NOT NULL
);
CREATE INDEX subscription_view_created ON subscription_view (organization_id, created_at, subscription_id);
CREATE INDEX subscription_view_member ON subscription_view (organization_id, member_id);
CREATE INDEX subscription_view_next_due ON subscription_view (organization_id, next_due_on) WHERE NOT ended;
CREATE INDEX subscription_view_last_day ON subscription_view (organization_id, last_day) WHERE NOT ended;

-- Each installment that fell due, with billing's outcome.
CREATE TABLE installment_view (
    subscription_id UUID          NOT NULL,
    number          INT           NOT NULL,
    organization_id UUID          NOT NULL,
    due_on          DATE          NOT NULL,
    period_start    DATE          NOT NULL,
    period_end      DATE          NOT NULL,
    amount          NUMERIC(14, 4) NOT NULL,
    currency        CHAR(3)       NOT NULL,
    lines           JSONB         NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    invoice_id      UUID,
    failure_reason  VARCHAR(200),
    fell_due_at     TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (subscription_id, number)
);

-- Which memberships may pay for a member's booking: kept in the command's transaction (subscribing processor
-- "membership-cover"), so a subscription pays from the moment it is sold.
CREATE TABLE membership_cover (
    subscription_id UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    member_id       UUID NOT NULL,
    starts_on       DATE NOT NULL,
    last_day        DATE,
    ended           BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX membership_cover_member ON membership_cover (organization_id, member_id);
