-- Members' photos. member_view names the current one; member_photo keeps the images when the database is the store
-- (palestra.members.photos.folder unset): one row per photo and size, JPEG.

ALTER TABLE member_view ADD COLUMN photo_id UUID;

CREATE TABLE member_photo (
    photo_id        UUID        NOT NULL,
    size            VARCHAR(10) NOT NULL,
    member_id       UUID        NOT NULL,
    content         BYTEA       NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (photo_id, size)
);
CREATE INDEX member_photo_member ON member_photo (member_id);
