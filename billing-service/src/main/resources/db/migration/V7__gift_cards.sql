-- Gift cards (projection "gift-card-directory"): the code, its amount, until when, who used it.
CREATE TABLE gift_card_view (
    gift_card_id    UUID PRIMARY KEY,
    organization_id UUID         NOT NULL,
    site_id         UUID         NOT NULL,
    invoice_id      UUID         NOT NULL,
    buyer_id        UUID         NOT NULL,
    code            VARCHAR(40)  NOT NULL,
    amount          NUMERIC      NOT NULL,
    currency        CHAR(3)      NOT NULL,
    expires_on      DATE         NOT NULL,
    used_by         UUID,
    used_at         TIMESTAMPTZ,
    cancelled       BOOLEAN      NOT NULL DEFAULT FALSE,
    last_sent_at    TIMESTAMPTZ,
    issued_at       TIMESTAMPTZ  NOT NULL,
    version         BIGINT       NOT NULL
);
CREATE UNIQUE INDEX gift_card_view_code ON gift_card_view (organization_id, code);
CREATE INDEX gift_card_view_invoice ON gift_card_view (organization_id, invoice_id);
