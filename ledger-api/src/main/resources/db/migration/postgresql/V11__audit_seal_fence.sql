-- The seal fence. A global position is taken when an event is inserted but becomes visible only at commit, so a
-- reader following the global order can pass a position whose transaction commits later. Every statement that
-- appends events first takes a shared transaction-level advisory lock; the sealer briefly takes the same lock
-- exclusively, so when it holds it no append is in flight, and the highest position it then sees is a horizon
-- below which every gap is permanent (a rolled-back append). The key is fixed: 0x4C454447 ('LEDG') << 32 | 1.
CREATE FUNCTION domain_event_entry_seal_fence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(5495873992008925185);
    RETURN NULL;
END;
$$;
CREATE TRIGGER domain_event_entry_seal_fence
    BEFORE INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION domain_event_entry_seal_fence();
