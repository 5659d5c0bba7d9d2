-- Every read model has two table sets: while one is live (its processor writes it, its queries read it), a rebuild
-- replays the event store into the other and then switches. Set A has the plain names, set B the suffix _b, with
-- the same columns and indexes (ReadModelTableSetsIT compares them). read_model_table_set says which set is live;
-- a processor's batch and a switch lock its row, so a switch never falls between a batch's writes.
CREATE TABLE read_model_table_set (
    read_model          VARCHAR(100)             NOT NULL,
    live_set            VARCHAR(1)               NOT NULL,
    switched_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT read_model_table_set_pk PRIMARY KEY (read_model),
    CONSTRAINT read_model_table_set_live_ck CHECK (live_set IN ('A', 'B'))
);
INSERT INTO read_model_table_set (read_model, live_set) VALUES ('platform-status', 'A');
INSERT INTO read_model_table_set (read_model, live_set) VALUES ('penalty-totals', 'A');
INSERT INTO read_model_table_set (read_model, live_set) VALUES ('demand-compliance', 'A');
INSERT INTO read_model_table_set (read_model, live_set) VALUES ('timeline', 'A');

-- The rebuilds asked for, newest last: what an admin sees of a running or finished rebuild on any node.
CREATE TABLE read_model_rebuild (
    rebuild_id          VARCHAR(64)              NOT NULL,
    state               VARCHAR(20)              NOT NULL,
    node                VARCHAR(255)             NOT NULL,
    started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at         TIMESTAMP WITH TIME ZONE,
    events_replayed     BIGINT                   NOT NULL,
    last_position       BIGINT,
    detail              VARCHAR(4000),
    CONSTRAINT read_model_rebuild_pk PRIMARY KEY (rebuild_id)
);
CREATE INDEX read_model_rebuild_started_ix ON read_model_rebuild (started_at);

-- Table set B of every read model.
CREATE TABLE status_fact_b (
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
    CONSTRAINT status_fact_pk_b PRIMARY KEY (event_id)
);
CREATE INDEX status_fact_platform_ix_b ON status_fact_b (jurisdiction, service, stream_sequence);
CREATE TABLE status_curation_b (
    event_id            VARCHAR(255)             NOT NULL,
    target_event_id     VARCHAR(255)             NOT NULL,
    kind                VARCHAR(20)              NOT NULL,
    corrected_start     TIMESTAMP WITH TIME ZONE,
    corrected_date      DATE,
    corrected_precision VARCHAR(20),
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT status_curation_pk_b PRIMARY KEY (event_id)
);
CREATE INDEX status_curation_target_ix_b ON status_curation_b (target_event_id);
CREATE TABLE penalty_fact_b (
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
    CONSTRAINT penalty_fact_pk_b PRIMARY KEY (event_id)
);
CREATE INDEX penalty_fact_entity_ix_b ON penalty_fact_b (legal_entity, item_id, stream_sequence);
CREATE INDEX penalty_fact_item_ix_b ON penalty_fact_b (item_id, kind);
CREATE TABLE demand_fact_b (
    event_id            VARCHAR(255)             NOT NULL,
    demand_id           VARCHAR(255)             NOT NULL,
    platform            VARCHAR(200)             NOT NULL,
    jurisdiction        VARCHAR(10)              NOT NULL,
    stream_sequence     BIGINT                   NOT NULL,
    kind                VARCHAR(20)              NOT NULL,
    demand_kind         VARCHAR(40)              NOT NULL,
    authority           VARCHAR(1000)            NOT NULL,
    items               BIGINT,
    items_by_category   VARCHAR(100000)          NOT NULL,
    scope               VARCHAR(20),
    deadline            DATE,
    effective_start     TIMESTAMP WITH TIME ZONE NOT NULL,
    effective_date      DATE                     NOT NULL,
    effective_precision VARCHAR(20)              NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    sources             VARCHAR(100000)          NOT NULL,
    CONSTRAINT demand_fact_pk_b PRIMARY KEY (event_id)
);
CREATE INDEX demand_fact_platform_ix_b ON demand_fact_b (platform, jurisdiction, demand_id, stream_sequence);
CREATE INDEX demand_fact_demand_ix_b ON demand_fact_b (demand_id, kind);
CREATE TABLE compliance_claim_fact_b (
    event_id            VARCHAR(255)             NOT NULL,
    claim_id            VARCHAR(255)             NOT NULL,
    platform            VARCHAR(200)             NOT NULL,
    jurisdiction        VARCHAR(10)              NOT NULL,
    kind                VARCHAR(30)              NOT NULL,
    claimant            VARCHAR(1000)            NOT NULL,
    metric              VARCHAR(200),
    item_count          BIGINT,
    amount_minor        BIGINT,
    currency            VARCHAR(3),
    qualifier           VARCHAR(20),
    period              VARCHAR(100),
    as_of               DATE,
    items_flagged       BIGINT,
    items_removed       BIGINT,
    items_remaining     BIGINT,
    share_numerator     BIGINT,
    share_denominator   BIGINT,
    assessment          VARCHAR(100000),
    demand_id           VARCHAR(255),
    effective_start     TIMESTAMP WITH TIME ZONE NOT NULL,
    effective_date      DATE                     NOT NULL,
    effective_precision VARCHAR(20)              NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    sources             VARCHAR(100000)          NOT NULL,
    CONSTRAINT compliance_claim_fact_pk_b PRIMARY KEY (event_id)
);
CREATE INDEX compliance_claim_fact_platform_ix_b ON compliance_claim_fact_b (platform, jurisdiction, effective_start);
CREATE TABLE timeline_entry_b (
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
    CONSTRAINT timeline_entry_pk_b PRIMARY KEY (event_id)
);
CREATE INDEX timeline_entry_platform_ix_b ON timeline_entry_b (platform, effective_start);
CREATE INDEX timeline_entry_entity_ix_b ON timeline_entry_b (legal_entity, effective_start);
CREATE TABLE timeline_account_b (
    event_id            VARCHAR(255)             NOT NULL,
    platform            VARCHAR(200)             NOT NULL,
    account             VARCHAR(500)             NOT NULL,
    CONSTRAINT timeline_account_pk_b PRIMARY KEY (event_id, platform, account)
);
CREATE INDEX timeline_account_ix_b ON timeline_account_b (platform, account);
CREATE TABLE timeline_link_b (
    event_id            VARCHAR(255)             NOT NULL,
    target_event_id     VARCHAR(255)             NOT NULL,
    relation            VARCHAR(20)              NOT NULL,
    CONSTRAINT timeline_link_pk_b PRIMARY KEY (event_id, target_event_id, relation)
);
CREATE INDEX timeline_link_target_ix_b ON timeline_link_b (target_event_id);
CREATE TABLE timeline_stream_b (
    stream_id           VARCHAR(255)             NOT NULL,
    platform            VARCHAR(200),
    legal_entity        VARCHAR(200),
    jurisdiction        VARCHAR(20),
    CONSTRAINT timeline_stream_pk_b PRIMARY KEY (stream_id)
);
CREATE TABLE timeline_suspension_b (
    platform            VARCHAR(200)             NOT NULL,
    suspension_id       VARCHAR(255)             NOT NULL,
    account             VARCHAR(500)             NOT NULL,
    CONSTRAINT timeline_suspension_pk_b PRIMARY KEY (platform, suspension_id)
);
CREATE TABLE timeline_curation_b (
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
    CONSTRAINT timeline_curation_pk_b PRIMARY KEY (event_id)
);
CREATE INDEX timeline_curation_target_ix_b ON timeline_curation_b (target_event_id);
