-- Read model "platform-status": the corrections of effective time and the retractions of its facts, each with the
-- time the ledger recorded it, so an answer as known at a moment applies only the curations known by then.
CREATE TABLE status_curation (
    event_id            VARCHAR(255)             NOT NULL,
    target_event_id     VARCHAR(255)             NOT NULL,
    kind                VARCHAR(20)              NOT NULL,
    corrected_start     TIMESTAMP WITH TIME ZONE,
    corrected_date      DATE,
    corrected_precision VARCHAR(20),
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT status_curation_pk PRIMARY KEY (event_id)
);
CREATE INDEX status_curation_target_ix ON status_curation (target_event_id);
