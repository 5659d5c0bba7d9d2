-- Read models "penalty-totals" and "demand-compliance": the retractions and corrections that may concern their
-- facts, each keyed by the curation event's id and never updated (a replayed event adds nothing), with the time the
-- ledger recorded it, so an answer as known at a moment applies only the curations known by then. A row is kept
-- for every retraction and for every correction of an effective time or of a field the read model reads
-- (corrected_fields: a JSON object of dotted paths to the new values as text); whether its target is a fact of the
-- read model is settled when it is read, by joining it to the facts.
CREATE TABLE penalty_curation (
    event_id            VARCHAR(255)             NOT NULL,
    target_event_id     VARCHAR(255)             NOT NULL,
    kind                VARCHAR(20)              NOT NULL,
    corrected_start     TIMESTAMP WITH TIME ZONE,
    corrected_date      DATE,
    corrected_precision VARCHAR(20),
    corrected_fields    VARCHAR(100000)          NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT penalty_curation_pk PRIMARY KEY (event_id)
);
CREATE INDEX penalty_curation_target_ix ON penalty_curation (target_event_id);

CREATE TABLE compliance_curation (
    event_id            VARCHAR(255)             NOT NULL,
    target_event_id     VARCHAR(255)             NOT NULL,
    kind                VARCHAR(20)              NOT NULL,
    corrected_start     TIMESTAMP WITH TIME ZONE,
    corrected_date      DATE,
    corrected_precision VARCHAR(20),
    corrected_fields    VARCHAR(100000)          NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT compliance_curation_pk PRIMARY KEY (event_id)
);
CREATE INDEX compliance_curation_target_ix ON compliance_curation (target_event_id);
