-- Financial aid (projection "scholarship-directory"): granted to a member or an account, what is left of it.
CREATE TABLE scholarship_view (
    scholarship_id  UUID PRIMARY KEY,
    organization_id UUID         NOT NULL,
    grantee_id      UUID         NOT NULL,
    scope           VARCHAR(10)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    currency        CHAR(3)      NOT NULL,
    amount          NUMERIC      NOT NULL,
    remaining       NUMERIC      NOT NULL,
    valid_from      DATE         NOT NULL,
    valid_until     DATE,
    kinds           JSONB        NOT NULL,
    withdrawn       BOOLEAN      NOT NULL DEFAULT FALSE,
    withdraw_reason VARCHAR(500),
    granted_by      VARCHAR(200),
    granted_at      TIMESTAMPTZ  NOT NULL,
    version         BIGINT       NOT NULL
);
CREATE INDEX scholarship_view_grantee ON scholarship_view (organization_id, grantee_id);
