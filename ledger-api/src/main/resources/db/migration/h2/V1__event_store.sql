-- Axon's JDBC event store on the embedded H2 default; the same shape as the PostgreSQL schema.
CREATE SEQUENCE domain_event_entry_global_index_seq AS BIGINT START WITH 1 INCREMENT BY 1;

CREATE TABLE domain_event_entry (
    global_index         BIGINT         DEFAULT NEXT VALUE FOR domain_event_entry_global_index_seq NOT NULL,
    event_identifier     VARCHAR(255)   NOT NULL,
    aggregate_identifier VARCHAR(255)   NOT NULL,
    sequence_number      BIGINT         NOT NULL,
    type                 VARCHAR(255),
    time_stamp           VARCHAR(255)   NOT NULL,
    payload_type         VARCHAR(255)   NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BINARY VARYING NOT NULL,
    meta_data            BINARY VARYING,
    CONSTRAINT domain_event_entry_pk PRIMARY KEY (global_index),
    CONSTRAINT domain_event_entry_stream_sequence_uq UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT domain_event_entry_event_identifier_uq UNIQUE (event_identifier)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255)   NOT NULL,
    sequence_number      BIGINT         NOT NULL,
    type                 VARCHAR(255)   NOT NULL,
    event_identifier     VARCHAR(255)   NOT NULL,
    time_stamp           VARCHAR(255)   NOT NULL,
    payload_type         VARCHAR(255)   NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BINARY VARYING NOT NULL,
    meta_data            BINARY VARYING,
    CONSTRAINT snapshot_event_entry_pk PRIMARY KEY (aggregate_identifier, sequence_number),
    CONSTRAINT snapshot_event_entry_event_identifier_uq UNIQUE (event_identifier)
);

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BINARY VARYING,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    CONSTRAINT token_entry_pk PRIMARY KEY (processor_name, segment)
);
