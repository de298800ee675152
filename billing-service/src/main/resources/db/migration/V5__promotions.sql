-- Promotion codes (projection "promotion-directory") and the carts and invoices that use them.
CREATE TABLE promotion_view (
    promotion_id    UUID PRIMARY KEY,
    organization_id UUID         NOT NULL,
    code            VARCHAR(40)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    discount        JSONB        NOT NULL,
    valid_from      DATE,
    valid_until     DATE,
    max_uses        INT,
    uses            INT          NOT NULL DEFAULT 0,
    applies_to      UUID[]       NOT NULL,
    retired         BOOLEAN      NOT NULL DEFAULT FALSE,
    version         BIGINT       NOT NULL
);
CREATE UNIQUE INDEX promotion_view_code ON promotion_view (organization_id, code);

CREATE TABLE promotion_use_view (
    promotion_id UUID        NOT NULL,
    invoice_id   UUID        NOT NULL,
    member_id    UUID        NOT NULL,
    at           TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (promotion_id, invoice_id)
);

-- The promotion code on an invoice: {promotionId, code, lineIds}.
ALTER TABLE invoice_view ADD COLUMN promotion JSONB;
