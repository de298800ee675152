-- active, or anonymized (personal data erased); merged comes with merges.
ALTER TABLE member_view ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'active';
CREATE INDEX member_view_status ON member_view (organization_id, status, sort_key, member_id);
