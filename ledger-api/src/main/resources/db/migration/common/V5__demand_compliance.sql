-- Read model "demand-compliance": one row per fact about a demand (issued, deadline extended, complied with,
-- refused, withdrawn) in demand_fact, and one per claim about a named platform's compliance (a statistic or an
-- authority's compliance assessment) in compliance_claim_fact, each keyed by the event's id and never updated (a
-- replayed event finds its row and adds nothing). Both time axes are kept: when the fact took effect (its start,
-- and the date and precision as given) and when the ledger recorded it. The rows after an issue carry the
-- platform, jurisdiction, kind and authority of the issue. Amounts are integer minor units.
CREATE TABLE demand_fact (
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
    CONSTRAINT demand_fact_pk PRIMARY KEY (event_id)
);
CREATE INDEX demand_fact_platform_ix ON demand_fact (platform, jurisdiction, demand_id, stream_sequence);
CREATE INDEX demand_fact_demand_ix ON demand_fact (demand_id, kind);

CREATE TABLE compliance_claim_fact (
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
    CONSTRAINT compliance_claim_fact_pk PRIMARY KEY (event_id)
);
CREATE INDEX compliance_claim_fact_platform_ix ON compliance_claim_fact (platform, jurisdiction, effective_start);
