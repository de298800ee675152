-- Bookable resources (courts, rooms, appointments) and their booked slots (projection "resource-directory").
CREATE TABLE resource_view (
    resource_id     UUID PRIMARY KEY,
    organization_id UUID         NOT NULL,
    site_id         UUID         NOT NULL,
    name            VARCHAR(200) NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    terms           JSONB        NOT NULL,
    version         BIGINT       NOT NULL
);
CREATE INDEX resource_view_organization ON resource_view (organization_id, site_id, kind);

CREATE TABLE slot_view (
    booking_id      UUID PRIMARY KEY,
    day_id          UUID         NOT NULL,
    resource_id     UUID         NOT NULL,
    organization_id UUID         NOT NULL,
    site_id         UUID         NOT NULL,
    member_id       UUID         NOT NULL,
    players         JSONB        NOT NULL,
    starts_at       TIMESTAMPTZ  NOT NULL,
    ends_at         TIMESTAMPTZ  NOT NULL,
    channel         VARCHAR(20)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    reason          VARCHAR(500),
    paid_by         VARCHAR(20),
    payer_id        UUID,
    credits         INT,
    recredit        BOOLEAN,
    booked_by       VARCHAR(200),
    booked_at       TIMESTAMPTZ  NOT NULL,
    cancelled_at    TIMESTAMPTZ,
    version         BIGINT       NOT NULL
);
CREATE INDEX slot_view_resource ON slot_view (resource_id, starts_at);
CREATE INDEX slot_view_member ON slot_view (organization_id, member_id, starts_at);
