-- Members' accounts (compte client, porte-monnaie): balance and statement (projection "account-directory").
CREATE TABLE account_view (
    account_id      UUID PRIMARY KEY,
    organization_id UUID        NOT NULL,
    member_id       UUID        NOT NULL,
    currency        CHAR(3)     NOT NULL,
    balance         NUMERIC     NOT NULL,
    version         BIGINT      NOT NULL
);
CREATE UNIQUE INDEX account_view_member ON account_view (organization_id, member_id);

CREATE TABLE account_entry_view (
    entry_id        UUID PRIMARY KEY,
    account_id      UUID         NOT NULL,
    organization_id UUID         NOT NULL,
    site_id         UUID,
    direction       VARCHAR(6)   NOT NULL,
    cause           VARCHAR(20)  NOT NULL,
    amount          NUMERIC      NOT NULL,
    balance         NUMERIC      NOT NULL,
    method          VARCHAR(40),
    invoice_id      UUID,
    actor           VARCHAR(200),
    at              TIMESTAMPTZ  NOT NULL,
    sequence        BIGINT       NOT NULL
);
CREATE INDEX account_entry_view_account ON account_entry_view (account_id, sequence);
