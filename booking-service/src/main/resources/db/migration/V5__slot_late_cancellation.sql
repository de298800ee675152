-- An online slot cancellation after the resource's late-cancellation cutoff gives nothing back; the booking says so.
ALTER TABLE slot_view ADD COLUMN late BOOLEAN;
CREATE INDEX slot_view_players ON slot_view USING GIN (players jsonb_path_ops);
