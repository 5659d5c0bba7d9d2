-- Read model "platform-status": one row per fact about a service's access in a jurisdiction, keyed by the
-- event's id, never updated (a replayed event finds its row and adds nothing). Both time axes are kept: when
-- the fact took effect (its start, and the date and precision as given) and when the ledger recorded it.
CREATE TABLE status_fact (
    event_id            VARCHAR(255)             NOT NULL,
    jurisdiction        VARCHAR(10)              NOT NULL,
    service             VARCHAR(100)             NOT NULL,
    stream_sequence     BIGINT                   NOT NULL,
    kind                VARCHAR(20)              NOT NULL,
    restriction_kind    VARCHAR(20),
    restriction_id      VARCHAR(255),
    effective_start     TIMESTAMP WITH TIME ZONE NOT NULL,
    effective_date      DATE                     NOT NULL,
    effective_precision VARCHAR(20)              NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    authority           VARCHAR(1000),
    legal_basis         VARCHAR(1000),
    mobile_percent      INTEGER,
    fixed_percent       INTEGER,
    addresses_blocked   BIGINT,
    scope_description   VARCHAR(4000),
    observed_state      VARCHAR(30),
    detail              VARCHAR(4000),
    sources             VARCHAR(100000)          NOT NULL,
    CONSTRAINT status_fact_pk PRIMARY KEY (event_id)
);
CREATE INDEX status_fact_platform_ix ON status_fact (jurisdiction, service, stream_sequence);
