-- Read models of members-service (rebuildable from the event store) and the set-based tables written in the same
-- transaction as the commands they guard.

CREATE TABLE organization_view (
    organization_id UUID PRIMARY KEY,
    name            VARCHAR(120) NOT NULL,
    currency        CHAR(3)      NOT NULL,
    time_zone       VARCHAR(64)  NOT NULL,
    locale          VARCHAR(35)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    version         BIGINT       NOT NULL
);

CREATE TABLE site_view (
    site_id         UUID PRIMARY KEY,
    organization_id UUID         NOT NULL,
    name            VARCHAR(120) NOT NULL,
    time_zone       VARCHAR(64)  NOT NULL,
    address_line1   VARCHAR(200),
    address_line2   VARCHAR(200),
    postal_code     VARCHAR(20),
    city            VARCHAR(100),
    region          VARCHAR(100),
    country         CHAR(2)
);
CREATE INDEX site_view_organization ON site_view (organization_id);

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE member_view (
    member_id       UUID PRIMARY KEY,
    organization_id UUID         NOT NULL,
    site_id         UUID         NOT NULL,
    member_code     VARCHAR(20)  NOT NULL,
    first_name      VARCHAR(100) NOT NULL,
    last_name       VARCHAR(100) NOT NULL,
    email           VARCHAR(254),
    phone           VARCHAR(20),
    birth_date      DATE,
    gender          VARCHAR(20)  NOT NULL,
    country         CHAR(2),
    registered_at   TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    version         BIGINT       NOT NULL,
    sort_key        VARCHAR(210) NOT NULL,
    search_text     TEXT         NOT NULL
);
CREATE INDEX member_view_list ON member_view (organization_id, sort_key, member_id);
CREATE INDEX member_view_search ON member_view USING gin (search_text gin_trgm_ops);

-- Member codes: unique per organisation, handed out by a counter locked until the registration commits.
CREATE TABLE member_code_counter (
    organization_id UUID PRIMARY KEY,
    last_value      BIGINT NOT NULL
);

CREATE TABLE member_code (
    organization_id UUID        NOT NULL,
    code            VARCHAR(20) NOT NULL,
    member_id       UUID        NOT NULL UNIQUE,
    PRIMARY KEY (organization_id, code)
);
