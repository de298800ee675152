-- A member whose personal data was erased replays with no names: the read model must accept that.
ALTER TABLE member_view ALTER COLUMN first_name DROP NOT NULL;
ALTER TABLE member_view ALTER COLUMN last_name DROP NOT NULL;
