-- Payment links (lien de paiement): the token is the credential a member opens the link with.
CREATE TABLE payment_link (
    token            VARCHAR(64) PRIMARY KEY,
    invoice_id       UUID         NOT NULL,
    organization_id  UUID         NOT NULL,
    amount           NUMERIC      NOT NULL,
    currency         CHAR(3)      NOT NULL,
    expires_at       TIMESTAMPTZ  NOT NULL,
    paid_at          TIMESTAMPTZ,
    provider_payment VARCHAR(100),
    last_failure     VARCHAR(60),
    created_by       VARCHAR(200),
    created_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX payment_link_invoice ON payment_link (organization_id, invoice_id, created_at DESC);

-- Provider notices (webhooks) applied, for the record: their effects are idempotent on their own.
CREATE TABLE webhook_notice (
    provider    VARCHAR(40)  NOT NULL,
    notice_id   VARCHAR(100) NOT NULL,
    type        VARCHAR(60)  NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (provider, notice_id)
);
