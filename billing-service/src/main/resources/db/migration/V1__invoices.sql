-- Invoice numbers: one counter per organisation and series (F: invoices), incremented in the issuing transaction.
CREATE TABLE invoice_number_counter (
    organization_id UUID        NOT NULL,
    series          VARCHAR(10) NOT NULL,
    last_value      BIGINT      NOT NULL,
    PRIMARY KEY (organization_id, series)
);

-- Each organisation's dunning plan: days after the due date a failed automatic collection is tried again.
CREATE TABLE dunning_plan (
    organization_id UUID PRIMARY KEY,
    retry_days      INT[] NOT NULL
);

-- When each aggregate must next act on its own (a collection retry): written in the same transaction as its events.
CREATE TABLE wakeup (
    kind         VARCHAR(40) NOT NULL,
    aggregate_id UUID        NOT NULL,
    wake_at      TIMESTAMPTZ NOT NULL,
    failures     INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, aggregate_id)
);
CREATE INDEX wakeup_due ON wakeup (wake_at);

-- Invoices as staff read them (projection "invoice-directory"); amounts in the invoice's currency.
CREATE TABLE invoice_view (
    invoice_id         UUID PRIMARY KEY,
    organization_id    UUID        NOT NULL,
    site_id            UUID        NOT NULL,
    member_id          UUID        NOT NULL,
    currency           CHAR(3)     NOT NULL,
    number             VARCHAR(20),
    invoice_date       DATE,
    due_on             DATE,
    lines              JSONB       NOT NULL DEFAULT '[]',
    discount           JSONB,
    totals             JSONB,
    total              NUMERIC     NOT NULL DEFAULT 0,
    paid               NUMERIC     NOT NULL DEFAULT 0,
    credited           NUMERIC     NOT NULL DEFAULT 0,
    subscription_id    UUID,
    installment_number INT,
    collection         JSONB,
    opened_by          VARCHAR(200),
    opened_at          TIMESTAMPTZ NOT NULL,
    issued_by          VARCHAR(200),
    issued_at          TIMESTAMPTZ,
    settled_at         TIMESTAMPTZ,
    version            BIGINT      NOT NULL
);
CREATE UNIQUE INDEX invoice_view_number ON invoice_view (organization_id, number) WHERE number IS NOT NULL;
CREATE INDEX invoice_view_member ON invoice_view (organization_id, member_id, opened_at DESC);
CREATE INDEX invoice_view_dates ON invoice_view (organization_id, invoice_date);

-- Payments, for the invoice, the member's history and the desk's cash report.
CREATE TABLE payment_view (
    payment_id      UUID PRIMARY KEY,
    invoice_id      UUID         NOT NULL,
    organization_id UUID         NOT NULL,
    site_id         UUID         NOT NULL,
    member_id       UUID         NOT NULL,
    method          VARCHAR(40)  NOT NULL,
    currency        CHAR(3)      NOT NULL,
    amount          NUMERIC      NOT NULL,
    applied         NUMERIC      NOT NULL,
    credited        NUMERIC      NOT NULL,
    reference       VARCHAR(200),
    received_by     VARCHAR(200),
    received_at     TIMESTAMPTZ  NOT NULL,
    cancelled_by    VARCHAR(200),
    cancelled_at    TIMESTAMPTZ,
    cancel_reason   VARCHAR(500)
);
CREATE INDEX payment_view_invoice ON payment_view (invoice_id, received_at);
CREATE INDEX payment_view_day ON payment_view (organization_id, site_id, received_at);

-- The offers of subscription-service's catalog (packs and passes are sold here), from its published events.
CREATE TABLE offer_copy (
    plan_id         UUID PRIMARY KEY,
    organization_id UUID          NOT NULL,
    kind            VARCHAR(30)   NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    price           NUMERIC       NOT NULL,
    currency        CHAR(3)       NOT NULL,
    vat_rate        NUMERIC(5, 2) NOT NULL,
    site_ids        UUID[]        NOT NULL,
    activation      VARCHAR(20),
    retired         BOOLEAN       NOT NULL DEFAULT FALSE
);
CREATE INDEX offer_copy_organization ON offer_copy (organization_id, kind);
