CREATE TABLE club_view (
    club_id         UUID PRIMARY KEY,
    organization_id UUID         NOT NULL,
    name            VARCHAR(100) NOT NULL,
    version         BIGINT       NOT NULL
);

CREATE TABLE received_event (
    event_id VARCHAR(255) NOT NULL,
    type     VARCHAR(255) NOT NULL
);
