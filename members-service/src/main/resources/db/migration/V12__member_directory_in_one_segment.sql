-- The member directory now runs in one segment (MemberDirectoryProcessing): a directory built with several is rebuilt
-- from the event store at the next start. Its tokens go, so the processor starts again from the first event, and so
-- do its rows.

DELETE FROM tokenentry WHERE processorname = 'member-directory';
TRUNCATE member_view, member_note, member_blacklist_period, member_tag, member_consent, member_consent_history,
         member_relation, household_view, household_member_view;
