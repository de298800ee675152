-- A merged record is a redirect to the record that took it over.

ALTER TABLE member_view ADD COLUMN merged_into UUID;
CREATE INDEX member_view_merged_into ON member_view (merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX member_view_email ON member_view (organization_id, lower(email)) WHERE email IS NOT NULL;
CREATE INDEX member_view_phone ON member_view (organization_id, phone) WHERE phone IS NOT NULL;
