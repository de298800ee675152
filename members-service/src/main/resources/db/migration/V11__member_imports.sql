-- CSV imports of members: the job (its file kept only while it runs, for resuming) and what became of each line.

CREATE TABLE member_import (
    import_id       UUID PRIMARY KEY,
    organization_id UUID         NOT NULL,
    site_id         UUID,
    allowed_sites   UUID[],
    file_name       VARCHAR(255) NOT NULL,
    content         BYTEA,
    status          VARCHAR(20)  NOT NULL,
    total           INT          NOT NULL,
    next_line       INT          NOT NULL DEFAULT 0,
    created         INT          NOT NULL DEFAULT 0,
    matched         INT          NOT NULL DEFAULT 0,
    invalid         INT          NOT NULL DEFAULT 0,
    undone          INT          NOT NULL DEFAULT 0,
    kept            INT          NOT NULL DEFAULT 0,
    started_by      VARCHAR(200) NOT NULL,
    started_at      TIMESTAMPTZ  NOT NULL,
    finished_at     TIMESTAMPTZ,
    undone_by       VARCHAR(200),
    undone_at       TIMESTAMPTZ,
    lease_until     TIMESTAMPTZ,
    failure         TEXT
);
CREATE INDEX member_import_organization ON member_import (organization_id, started_at DESC);
CREATE INDEX member_import_pending ON member_import (status) WHERE status IN ('running', 'undoing');

-- email_key and phone_key: SHA-256 of the canonical e-mail and phone, to match later lines of the same file without
-- keeping contact details here.
CREATE TABLE member_import_row (
    import_id   UUID        NOT NULL,
    line        INT         NOT NULL,
    outcome     VARCHAR(10) NOT NULL,
    member_id   UUID,
    member_code VARCHAR(20),
    matched_by  VARCHAR(20),
    problems    TEXT,
    email_key   VARCHAR(64),
    phone_key   VARCHAR(64),
    PRIMARY KEY (import_id, line)
);
CREATE INDEX member_import_row_email ON member_import_row (import_id, email_key) WHERE email_key IS NOT NULL;
CREATE INDEX member_import_row_phone ON member_import_row (import_id, phone_key) WHERE phone_key IS NOT NULL;
CREATE INDEX member_import_row_outcome ON member_import_row (import_id, outcome, line);
