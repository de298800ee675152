-- Tells every instance of the service, right after a commit, that new events are in the store, so that streaming
-- processors (projections, the Kafka relay) pick them up at once instead of polling. NOTIFY is delivered at commit
-- and collapsed within a transaction.
CREATE FUNCTION palestra_events_appended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('palestra_events', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER domainevententry_appended AFTER INSERT ON domainevententry
    FOR EACH STATEMENT EXECUTE FUNCTION palestra_events_appended();
