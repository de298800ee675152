-- Organisations' tags (categories and sub-categories) and marketing preferences; members' tags and consents.

CREATE TABLE tag_view (
    tag_id          UUID PRIMARY KEY,
    organization_id UUID        NOT NULL,
    parent_id       UUID,
    name            VARCHAR(60) NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX tag_view_organization ON tag_view (organization_id);

CREATE TABLE marketing_preference_view (
    preference_id   UUID PRIMARY KEY,
    organization_id UUID        NOT NULL,
    name            VARCHAR(80) NOT NULL,
    description     VARCHAR(500),
    created_at      TIMESTAMPTZ NOT NULL,
    retired_at      TIMESTAMPTZ
);
CREATE INDEX marketing_preference_view_organization ON marketing_preference_view (organization_id);

CREATE TABLE member_tag (
    member_id       UUID        NOT NULL,
    tag_id          UUID        NOT NULL,
    organization_id UUID        NOT NULL,
    tagged_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (member_id, tag_id)
);
CREATE INDEX member_tag_tag ON member_tag (tag_id, member_id);

-- topic: 'channel:<email|sms|push|post>' or 'preference:<id>'
CREATE TABLE member_consent (
    member_id       UUID        NOT NULL,
    organization_id UUID        NOT NULL,
    topic           VARCHAR(60) NOT NULL,
    channel         VARCHAR(10),
    preference_id   UUID,
    granted         BOOLEAN     NOT NULL,
    source          VARCHAR(40) NOT NULL,
    decided_at      TIMESTAMPTZ NOT NULL,
    recorded_by     VARCHAR(200),
    PRIMARY KEY (member_id, topic)
);
CREATE INDEX member_consent_topic ON member_consent (topic, member_id) WHERE granted;

CREATE TABLE member_consent_history (
    member_id       UUID        NOT NULL,
    organization_id UUID        NOT NULL,
    topic           VARCHAR(60) NOT NULL,
    channel         VARCHAR(10),
    preference_id   UUID,
    granted         BOOLEAN     NOT NULL,
    source          VARCHAR(40) NOT NULL,
    decided_at      TIMESTAMPTZ NOT NULL,
    recorded_by     VARCHAR(200),
    recorded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX member_consent_history_member ON member_consent_history (member_id);

-- The tag-removal policy's own memory: who carries which tag, and which tags are gone.
CREATE TABLE tag_policy_assignment (
    member_id UUID NOT NULL,
    tag_id    UUID NOT NULL,
    PRIMARY KEY (tag_id, member_id)
);
CREATE TABLE tag_policy_removed (
    tag_id UUID PRIMARY KEY
);
