-- What subscription-service knows of organisations (from members-service's events): currency and sites.
CREATE TABLE organization_copy (
    organization_id UUID PRIMARY KEY,
    currency        CHAR(3)     NOT NULL,
    time_zone       VARCHAR(60) NOT NULL
);

CREATE TABLE site_copy (
    site_id         UUID PRIMARY KEY,
    organization_id UUID         NOT NULL,
    name            VARCHAR(200) NOT NULL,
    time_zone       VARCHAR(60)  NOT NULL
);
CREATE INDEX site_copy_organization ON site_copy (organization_id);

-- The offer catalog as staff read it: one row per plan, its terms whole.
CREATE TABLE plan_view (
    plan_id         UUID PRIMARY KEY,
    organization_id UUID         NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    terms           JSONB        NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    published_at    TIMESTAMPTZ,
    retired_at      TIMESTAMPTZ,
    version         BIGINT       NOT NULL
);
CREATE INDEX plan_view_organization ON plan_view (organization_id, status, lower(name));
