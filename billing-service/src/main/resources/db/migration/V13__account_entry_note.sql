-- Why an account was credited, in staff's words (a goodwill credit's reason).
ALTER TABLE account_entry_view ADD COLUMN note VARCHAR(500);
