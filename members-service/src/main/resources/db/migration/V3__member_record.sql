-- The rest of the member record, and internal notes.
ALTER TABLE member_view
    ADD COLUMN language                       VARCHAR(35),
    ADD COLUMN addresses                      JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN emergency_contacts             JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN welcome_message                TEXT,
    ADD COLUMN alert                          TEXT,
    ADD COLUMN medical_certificate_valid_until DATE,
    ADD COLUMN last_admin_change_at           TIMESTAMPTZ;
UPDATE member_view SET last_admin_change_at = registered_at;
ALTER TABLE member_view ALTER COLUMN last_admin_change_at SET NOT NULL;

CREATE TABLE member_note (
    note_id         UUID PRIMARY KEY,
    member_id       UUID         NOT NULL,
    organization_id UUID         NOT NULL,
    text            TEXT,
    author          VARCHAR(200) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    edited_by       VARCHAR(200),
    edited_at       TIMESTAMPTZ
);
CREATE INDEX member_note_member ON member_note (member_id, created_at DESC);
