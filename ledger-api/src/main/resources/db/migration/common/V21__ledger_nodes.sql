-- The ledger nodes sharing this database, as each last said it was alive: the segment balancer counts the nodes
-- heard from recently and gives each its share of the read models' processor segments.
CREATE TABLE ledger_node (
    node_id    VARCHAR(255)             NOT NULL PRIMARY KEY,
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
