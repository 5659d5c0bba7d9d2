-- API keys: the secret is never stored, only the SHA-256 of the whole key (hex). A key is never deleted: a
-- revoked key keeps its row, so the recorder named on past events can still be traced to its holder.
CREATE TABLE api_key (
    key_id      VARCHAR(16)              NOT NULL PRIMARY KEY,
    name        VARCHAR(64)              NOT NULL,
    role        VARCHAR(16)              NOT NULL,
    secret_hash CHAR(64)                 NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(300)             NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    revoked_by  VARCHAR(300),
    CONSTRAINT api_key_role CHECK (role IN ('VIEWER', 'AUDITOR', 'RECORDER', 'ADMIN'))
);
