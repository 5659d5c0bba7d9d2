-- Read model "penalty-totals": one row per fact about a fine (imposed, appealed, appeal decided, entered into
-- force, paid, referred to enforcement, enforcement proceeding opened) and per reported total of fines imposed on
-- a legal entity, keyed by the event's id, never updated (a replayed event finds its row and adds nothing). Both
-- time axes are kept: when the fact took effect (its start, and the date and precision as given) and when the
-- ledger recorded it. item_id is the fine's id, or the claim's id of a reported total. Amounts are integer
-- minor units.
CREATE TABLE penalty_fact (
    event_id            VARCHAR(255)             NOT NULL,
    legal_entity        VARCHAR(200)             NOT NULL,
    item_id             VARCHAR(255)             NOT NULL,
    stream_sequence     BIGINT                   NOT NULL,
    kind                VARCHAR(20)              NOT NULL,
    amount_minor        BIGINT,
    currency            VARCHAR(3),
    outcome             VARCHAR(20),
    provision           VARCHAR(1000),
    party               VARCHAR(1000),
    qualifier           VARCHAR(20),
    effective_start     TIMESTAMP WITH TIME ZONE NOT NULL,
    effective_date      DATE                     NOT NULL,
    effective_precision VARCHAR(20)              NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    sources             VARCHAR(100000)          NOT NULL,
    CONSTRAINT penalty_fact_pk PRIMARY KEY (event_id)
);
CREATE INDEX penalty_fact_entity_ix ON penalty_fact (legal_entity, item_id, stream_sequence);
CREATE INDEX penalty_fact_item_ix ON penalty_fact (item_id, kind);
