-- Credit notes (avoirs) and refunds, on the invoice they correct; credit notes are also listed on their own.
ALTER TABLE invoice_view ADD COLUMN credited_by_notes NUMERIC NOT NULL DEFAULT 0;
ALTER TABLE invoice_view ADD COLUMN refunded NUMERIC NOT NULL DEFAULT 0;
ALTER TABLE invoice_view ADD COLUMN credit_notes JSONB NOT NULL DEFAULT '[]';

CREATE TABLE credit_note_view (
    credit_note_id  UUID PRIMARY KEY,
    invoice_id      UUID         NOT NULL,
    organization_id UUID         NOT NULL,
    site_id         UUID         NOT NULL,
    member_id       UUID         NOT NULL,
    number          VARCHAR(20)  NOT NULL,
    invoice_number  VARCHAR(20)  NOT NULL,
    currency        CHAR(3)      NOT NULL,
    total           NUMERIC      NOT NULL,
    totals          JSONB        NOT NULL,
    line_ids        JSONB        NOT NULL,
    whole           BOOLEAN      NOT NULL,
    reason          VARCHAR(500) NOT NULL,
    issued_by       VARCHAR(200),
    issued_at       TIMESTAMPTZ  NOT NULL
);
CREATE UNIQUE INDEX credit_note_view_number ON credit_note_view (organization_id, number);
CREATE INDEX credit_note_view_member ON credit_note_view (organization_id, member_id, issued_at DESC);

CREATE TABLE refund_view (
    refund_id       UUID PRIMARY KEY,
    invoice_id      UUID         NOT NULL,
    organization_id UUID         NOT NULL,
    site_id         UUID         NOT NULL,
    member_id       UUID         NOT NULL,
    method          VARCHAR(40)  NOT NULL,
    currency        CHAR(3)      NOT NULL,
    amount          NUMERIC      NOT NULL,
    reason          VARCHAR(500),
    refunded_by     VARCHAR(200),
    refunded_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX refund_view_invoice ON refund_view (invoice_id, refunded_at);
CREATE INDEX refund_view_day ON refund_view (organization_id, site_id, refunded_at);
ALTER TABLE invoice_view ADD COLUMN cancelled BOOLEAN NOT NULL DEFAULT FALSE;
