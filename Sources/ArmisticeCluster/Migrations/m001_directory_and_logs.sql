-- Armistice cluster schema, version 1: the nodes, the room directory and every match's log lines.
-- Applied once by the first node that starts (see ClusterMigrations); never edited after release: add a file.

CREATE TABLE armistice_nodes (
    name        text PRIMARY KEY,
    code_prefix text NOT NULL,
    last_seen   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE armistice_rooms (
    code       text PRIMARY KEY,
    node       text NOT NULL,
    owner      text,
    created_at timestamptz NOT NULL DEFAULT now(),
    moved_at   timestamptz
);

CREATE INDEX armistice_rooms_node ON armistice_rooms (node);

CREATE TABLE armistice_log_lines (
    room    text NOT NULL,
    line_no bigint NOT NULL,
    line    text NOT NULL,
    PRIMARY KEY (room, line_no)
);
