-- One encryption key per data subject (a member): the @PersonalData fields of stored events are sealed with it.
-- Erasing the person deletes the key, which makes those fields unreadable in the event store for good. Database
-- backups keep keys for their own retention: an erasure is complete once the backups older than it are gone.
CREATE TABLE personal_data_key (
    subject_id UUID PRIMARY KEY,
    key_bytes  BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
