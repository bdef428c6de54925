-- High availability: several server nodes share one database. Each node records itself in server_nodes and
-- refreshes last_seen; a machine's part of a task is claimed by exactly one node (claimed_by), the one that can
-- reach the machine (for a polling Tentacle, the node it is connected to). Scheduled health checks are claimed per
-- machine through next_health_check, so two nodes never schedule the same check.

CREATE TABLE server_nodes (
    name       VARCHAR(200) PRIMARY KEY,
    started    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen  TIMESTAMP WITH TIME ZONE NOT NULL,
    comms_port INTEGER,
    api_url    VARCHAR(2000)
);

ALTER TABLE server_task_targets ADD COLUMN claimed_by VARCHAR(200);

CREATE INDEX server_task_targets_by_state ON server_task_targets (state, task_id);

ALTER TABLE machines ADD COLUMN next_health_check TIMESTAMP WITH TIME ZONE;
