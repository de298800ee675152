-- Upcoming payments (projection "upcoming-payments"): postdated cheques and collections on their day.
CREATE TABLE scheduled_payment_view (
    scheduled_payment_id UUID PRIMARY KEY,
    organization_id      UUID         NOT NULL,
    site_id              UUID         NOT NULL,
    member_id            UUID         NOT NULL,
    invoice_id           UUID,
    method               VARCHAR(40)  NOT NULL,
    currency             CHAR(3)      NOT NULL,
    amount               NUMERIC      NOT NULL,
    due_on               DATE         NOT NULL,
    reference            VARCHAR(200),
    status               VARCHAR(20)  NOT NULL,
    last_failure         VARCHAR(100),
    payment_id           UUID,
    scheduled_by         VARCHAR(200),
    scheduled_at         TIMESTAMPTZ  NOT NULL,
    cancel_reason        VARCHAR(500),
    version              BIGINT       NOT NULL
);
CREATE INDEX scheduled_payment_view_due ON scheduled_payment_view (organization_id, due_on);
CREATE INDEX scheduled_payment_view_member ON scheduled_payment_view (organization_id, member_id, due_on);
CREATE INDEX scheduled_payment_view_invoice ON scheduled_payment_view (invoice_id);
