-- The shop's items (projection "product-catalog"): price VAT included, stock when it is counted.
CREATE TABLE product_view (
    product_id      UUID PRIMARY KEY,
    organization_id UUID          NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    sku             VARCHAR(60),
    unit_price      NUMERIC       NOT NULL,
    currency        CHAR(3)       NOT NULL,
    vat_rate        NUMERIC(5, 2) NOT NULL,
    stock           INT,
    retired         BOOLEAN       NOT NULL DEFAULT FALSE,
    version         BIGINT        NOT NULL
);
CREATE INDEX product_view_organization ON product_view (organization_id, lower(name));

-- Every stock movement with its cause: received, count, damaged, sale, return.
CREATE TABLE stock_movement_view (
    entry_id   UUID PRIMARY KEY,
    product_id UUID         NOT NULL,
    change     INT          NOT NULL,
    stock      INT          NOT NULL,
    cause      VARCHAR(20)  NOT NULL,
    invoice_id UUID,
    actor      VARCHAR(200),
    at         TIMESTAMPTZ  NOT NULL,
    sequence   BIGINT       NOT NULL
);
CREATE INDEX stock_movement_view_product ON stock_movement_view (product_id, sequence DESC);
