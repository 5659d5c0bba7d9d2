-- The tamper-evident log. A background sealer follows the event store in global order and makes every event a
-- leaf of an append-only Merkle tree (RFC 6962 hashing); these tables hold what it computed, so proofs are served
-- without recomputation, and its signed checkpoints. Nothing here is ever updated but the sealer's own progress;
-- every row can be recomputed from the event store, which is what verification does.

-- The sealer's progress: how many leaves the tree has, and the global position of the last one. One row; a
-- sealer locks it for a cycle, so one node seals at a time.
CREATE TABLE audit_state (
    id            INTEGER NOT NULL,
    tree_size     BIGINT  NOT NULL,
    last_position BIGINT  NOT NULL,
    CONSTRAINT audit_state_pk PRIMARY KEY (id)
);
INSERT INTO audit_state (id, tree_size, last_position) VALUES (1, 0, 0);

-- One row per sealed event: its leaf index (0, 1, 2 ... in global order, gaps skipped), its global position and
-- its leaf hash, and the platform and legal entity it concerns, so the history can be filtered by them.
CREATE TABLE audit_leaf (
    leaf_index    BIGINT         NOT NULL,
    position      BIGINT         NOT NULL,
    leaf_hash     BYTEA          NOT NULL,
    platform      VARCHAR(200),
    legal_entity  VARCHAR(200),
    CONSTRAINT audit_leaf_pk PRIMARY KEY (leaf_index),
    CONSTRAINT audit_leaf_position_uq UNIQUE (position)
);
CREATE INDEX audit_leaf_platform_ix ON audit_leaf (platform, position);
CREATE INDEX audit_leaf_legal_entity_ix ON audit_leaf (legal_entity, position);

-- The subjects of each stream's first event, inherited by later events that name none.
CREATE TABLE audit_stream (
    stream_id     VARCHAR(255) NOT NULL,
    platform      VARCHAR(200),
    legal_entity  VARCHAR(200),
    CONSTRAINT audit_stream_pk PRIMARY KEY (stream_id)
);

-- The hash of every perfect subtree of 16 leaves or more (level 4 and up; smaller ones are recomputed from their
-- leaves): level L, index I covers leaves I * 2^L to (I + 1) * 2^L - 1.
-- A proof needs about log2(n) subtrees.
CREATE TABLE audit_node (
    level         INTEGER        NOT NULL,
    node_index    BIGINT         NOT NULL,
    hash          BYTEA          NOT NULL,
    CONSTRAINT audit_node_pk PRIMARY KEY (level, node_index)
);

-- Signed checkpoints: the tree of tree_size leaves (the last at global position last_position) has this root;
-- the signature (Ed25519, key key_id) covers the text Checkpoint.signedBytes gives.
CREATE TABLE audit_checkpoint (
    tree_size     BIGINT                   NOT NULL,
    last_position BIGINT                   NOT NULL,
    root_hash     BYTEA                    NOT NULL,
    sealed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    key_id        VARCHAR(32)              NOT NULL,
    signature     BYTEA                    NOT NULL,
    CONSTRAINT audit_checkpoint_pk PRIMARY KEY (tree_size)
);
