-- Attendance (present / absent, taken back), check-ins at the desk and walk-ins.
ALTER TABLE booking_view
    ADD COLUMN attendance    VARCHAR(10),
    ADD COLUMN checked_in_at TIMESTAMPTZ,
    ADD COLUMN walk_in       BOOLEAN NOT NULL DEFAULT false;
