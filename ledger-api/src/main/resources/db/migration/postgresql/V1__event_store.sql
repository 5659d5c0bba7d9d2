-- Axon's JDBC event store. Payloads and metadata are JSON bytes in bytea (never OID large objects);
-- the global index has its own sequence, so one order covers every stream.
CREATE SEQUENCE domain_event_entry_global_index_seq AS BIGINT START WITH 1 INCREMENT BY 1 CACHE 1;

CREATE TABLE domain_event_entry (
    global_index         BIGINT       NOT NULL DEFAULT nextval('domain_event_entry_global_index_seq'),
    event_identifier     VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    CONSTRAINT domain_event_entry_pk PRIMARY KEY (global_index),
    CONSTRAINT domain_event_entry_stream_sequence_uq UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT domain_event_entry_event_identifier_uq UNIQUE (event_identifier)
);
ALTER SEQUENCE domain_event_entry_global_index_seq OWNED BY domain_event_entry.global_index;

-- The log is append-only: the ledger never updates or deletes an event, and neither may anyone else
-- without first dropping this trigger (which an auditor's verification would then reveal).
CREATE FUNCTION domain_event_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'domain_event_entry is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER domain_event_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION domain_event_entry_append_only();
CREATE TRIGGER domain_event_entry_no_truncate
    BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION domain_event_entry_append_only();

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    CONSTRAINT snapshot_event_entry_pk PRIMARY KEY (aggregate_identifier, sequence_number),
    CONSTRAINT snapshot_event_entry_event_identifier_uq UNIQUE (event_identifier)
);

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    CONSTRAINT token_entry_pk PRIMARY KEY (processor_name, segment)
);
