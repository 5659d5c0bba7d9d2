-- The first answer to every write sent with an Idempotency-Key, committed in the same transaction as its
-- events, so a retry returns that answer and appends nothing.
CREATE TABLE idempotency_record (
    idempotency_key     VARCHAR(200)             NOT NULL,
    request_fingerprint VARCHAR(64)              NOT NULL,
    response_status     INTEGER                  NOT NULL,
    response_body       CHARACTER LARGE OBJECT   NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotency_record_pk PRIMARY KEY (idempotency_key)
);

-- Data sets imported into this ledger, so that each is loaded at most once, with the report of the import
-- (every refused row and why) as JSON.
CREATE TABLE data_set_import (
    data_set      VARCHAR(100)             NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE,
    rows_accepted INTEGER,
    rows_refused  INTEGER,
    report        CHARACTER LARGE OBJECT,
    CONSTRAINT data_set_import_pk PRIMARY KEY (data_set)
);
