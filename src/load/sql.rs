//! Every SQL statement of the tracker database, written once for both
//! backends: parameters are `?N` (PostgreSQL's `$N` is substituted when a
//! statement is prepared there) and [`ID`] stands for the auto-numbered key
//! type of the dialect.

/// Placeholder in [`MIGRATIONS`] for the auto-numbered primary key type:
/// `INTEGER PRIMARY KEY` in SQLite, `BIGSERIAL PRIMARY KEY` in PostgreSQL.
pub const ID: &str = "{id}";

/// Creates the migration record, when absent.
pub const SCHEMA_VERSION_TABLE: &str =
    "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)";
/// The latest migration applied.
pub const SCHEMA_VERSION: &str = "SELECT MAX(version) FROM schema_version";
/// Records a migration.
pub const RECORD_VERSION: &str = "INSERT INTO schema_version (version) VALUES (?1)";

/// The migrations, in order: entry `n - 1` brings the schema to version `n`.
pub const MIGRATIONS: [&str; 1] = ["
CREATE TABLE documents (
    id            {id},
    plan_id       BIGINT REFERENCES documents(id),
    number        TEXT,
    type          TEXT,
    issuer        TEXT,
    date          TEXT,
    title         TEXT,
    kind          TEXT NOT NULL,
    source_path   TEXT NOT NULL,
    source_sha256 TEXT NOT NULL,
    tasks         BIGINT NOT NULL,
    loaded_at     TEXT NOT NULL
);
CREATE TABLE tasks (
    id            {id},
    plan_id       BIGINT NOT NULL REFERENCES documents(id),
    document_id   BIGINT NOT NULL REFERENCES documents(id),
    task_id       TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('active', 'withdrawn')),
    ordinal       BIGINT NOT NULL,
    section       TEXT,
    number        TEXT NOT NULL,
    name          TEXT NOT NULL,
    result        TEXT,
    parent        TEXT,
    deadline_raw  TEXT,
    deadline_kind TEXT,
    deadline_due  TEXT,
    record        TEXT NOT NULL
);
CREATE UNIQUE INDEX tasks_active_id ON tasks (plan_id, task_id) WHERE status = 'active';
CREATE INDEX tasks_plan ON tasks (plan_id, status, ordinal);
CREATE TABLE units (
    id   {id},
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE task_units (
    task_id BIGINT NOT NULL REFERENCES tasks(id),
    unit_id BIGINT NOT NULL REFERENCES units(id),
    role    TEXT NOT NULL CHECK (role IN ('lead', 'coordinating')),
    ordinal BIGINT NOT NULL,
    raw     TEXT NOT NULL,
    PRIMARY KEY (task_id, role, ordinal)
);
CREATE TABLE changes (
    id          {id},
    task_id     BIGINT NOT NULL REFERENCES tasks(id),
    document_id BIGINT NOT NULL REFERENCES documents(id),
    kind        TEXT NOT NULL CHECK (kind IN ('added', 'changed', 'renumbered', 'withdrawn')),
    field       TEXT,
    old         TEXT,
    new         TEXT,
    at          TEXT NOT NULL
);
CREATE INDEX changes_task ON changes (task_id);
CREATE INDEX changes_document ON changes (document_id);
"];

/// Every stored issue: id, plan, number, issuer, title, path, sha256.
pub const ISSUES: &str = "SELECT id, COALESCE(plan_id, id), number, issuer, title, source_path,
    source_sha256 FROM documents ORDER BY id";
/// Row id and record of a plan's active tasks, in issue order.
pub const ACTIVE_TASKS: &str =
    "SELECT id, record FROM tasks WHERE plan_id = ?1 AND status = 'active' ORDER BY ordinal";
/// Inserts an issue, returning its id.
pub const INSERT_DOCUMENT: &str = "INSERT INTO documents
    (number, type, issuer, date, title, kind, source_path, source_sha256, tasks, loaded_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id";
/// Overwrites an issue (`?11` is its id) and sets its plan (`?12`).
pub const UPDATE_DOCUMENT: &str = "UPDATE documents SET number = ?1, type = ?2, issuer = ?3,
    date = ?4, title = ?5, kind = ?6, source_path = ?7, source_sha256 = ?8, tasks = ?9,
    loaded_at = ?10, plan_id = ?12 WHERE id = ?11";
/// Inserts an active task, returning its id.
pub const INSERT_TASK: &str = "INSERT INTO tasks
    (plan_id, document_id, task_id, ordinal, section, number, name, result, parent,
     deadline_raw, deadline_kind, deadline_due, record, status)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 'active') RETURNING id";
/// Overwrites a task (`?14` is its id), making it active.
pub const UPDATE_TASK: &str = "UPDATE tasks SET plan_id = ?1, document_id = ?2, task_id = ?3,
    ordinal = ?4, section = ?5, number = ?6, name = ?7, result = ?8, parent = ?9,
    deadline_raw = ?10, deadline_kind = ?11, deadline_due = ?12, record = ?13,
    status = 'active' WHERE id = ?14";
/// Changes only a task's id.
pub const SET_TASK_ID: &str = "UPDATE tasks SET task_id = ?2 WHERE id = ?1";
/// Withdraws a task (`?1`) by an issue (`?2`).
pub const WITHDRAW_TASK: &str =
    "UPDATE tasks SET status = 'withdrawn', document_id = ?2 WHERE id = ?1";
/// The id of a unit by name, inserting it when new.
pub const UNIT: &str = "INSERT INTO units (name) VALUES (?1)
    ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id";
/// Removes a task's unit links.
pub const CLEAR_TASK_UNITS: &str = "DELETE FROM task_units WHERE task_id = ?1";
/// Links a unit to a task.
pub const INSERT_TASK_UNIT: &str =
    "INSERT INTO task_units (task_id, unit_id, role, ordinal, raw) VALUES (?1, ?2, ?3, ?4, ?5)";
/// Records a change.
pub const INSERT_CHANGE: &str = "INSERT INTO changes
    (task_id, document_id, kind, field, old, new, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
