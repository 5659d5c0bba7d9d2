-- Read model "timeline": one row per event of the ledger, keyed by the event's id, never updated (a replayed event
-- finds its row and adds nothing), with both time axes (when it took effect: its start, and the date and precision
-- as given; when the ledger recorded it) and the subjects it concerns: platform, legal entity, jurisdiction. A
-- curation (correction, retraction, attached sources) is not an entry of its own but a row of timeline_curation
-- on its target. The accounts an entry concerns, and the links between entries, have tables of their own.
CREATE TABLE timeline_entry (
    event_id            VARCHAR(255)             NOT NULL,
    stream_id           VARCHAR(255)             NOT NULL,
    stream_sequence     BIGINT                   NOT NULL,
    global_position     BIGINT                   NOT NULL,
    event_type          VARCHAR(100)             NOT NULL,
    platform            VARCHAR(200),
    legal_entity        VARCHAR(200),
    jurisdiction        VARCHAR(20),
    effective_start     TIMESTAMP WITH TIME ZONE NOT NULL,
    effective_date      DATE                     NOT NULL,
    effective_precision VARCHAR(20)              NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    confidence          VARCHAR(20)              NOT NULL,
    summary             VARCHAR(2000),
    sources             VARCHAR(100000)          NOT NULL,
    links               VARCHAR(100000)          NOT NULL,
    CONSTRAINT timeline_entry_pk PRIMARY KEY (event_id)
);
CREATE INDEX timeline_entry_platform_ix ON timeline_entry (platform, effective_start);
CREATE INDEX timeline_entry_entity_ix ON timeline_entry (legal_entity, effective_start);

-- The accounts (platform and handle) an entry concerns.
CREATE TABLE timeline_account (
    event_id            VARCHAR(255)             NOT NULL,
    platform            VARCHAR(200)             NOT NULL,
    account             VARCHAR(500)             NOT NULL,
    CONSTRAINT timeline_account_pk PRIMARY KEY (event_id, platform, account)
);
CREATE INDEX timeline_account_ix ON timeline_account (platform, account);

-- The causal links of the entries, so an entry can show the events linking to it.
CREATE TABLE timeline_link (
    event_id            VARCHAR(255)             NOT NULL,
    target_event_id     VARCHAR(255)             NOT NULL,
    relation            VARCHAR(20)              NOT NULL,
    CONSTRAINT timeline_link_pk PRIMARY KEY (event_id, target_event_id, relation)
);
CREATE INDEX timeline_link_target_ix ON timeline_link (target_event_id);

-- The subjects of the first event of each stream, inherited by later events of the stream that name none.
CREATE TABLE timeline_stream (
    stream_id           VARCHAR(255)             NOT NULL,
    platform            VARCHAR(200),
    legal_entity        VARCHAR(200),
    jurisdiction        VARCHAR(20),
    CONSTRAINT timeline_stream_pk PRIMARY KEY (stream_id)
);

-- The account of each suspension of a platform, for the restoration that names only the suspension.
CREATE TABLE timeline_suspension (
    platform            VARCHAR(200)             NOT NULL,
    suspension_id       VARCHAR(255)             NOT NULL,
    account             VARCHAR(500)             NOT NULL,
    CONSTRAINT timeline_suspension_pk PRIMARY KEY (platform, suspension_id)
);

-- The curations of entries: corrections, retractions, attached sources, each with the time the ledger recorded
-- it, so an answer as known at a moment shows only the curations known by then.
CREATE TABLE timeline_curation (
    event_id             VARCHAR(255)             NOT NULL,
    target_event_id      VARCHAR(255)             NOT NULL,
    kind                 VARCHAR(20)              NOT NULL,
    reason               VARCHAR(2000),
    corrected_start      TIMESTAMP WITH TIME ZONE,
    corrected_date       DATE,
    corrected_precision  VARCHAR(20),
    corrected_confidence VARCHAR(20),
    confidence           VARCHAR(20)              NOT NULL,
    summary              VARCHAR(2000),
    sources              VARCHAR(100000)          NOT NULL,
    recorded_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT timeline_curation_pk PRIMARY KEY (event_id)
);
CREATE INDEX timeline_curation_target_ix ON timeline_curation (target_event_id);
