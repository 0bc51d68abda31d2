//! Typed access to the tracker database: each function runs one statement
//! of [`sql`] through a [`Backend`].

use super::{sql, Backend, LoadError, Param, Result, StoredIssue, Value, SCHEMA_VERSION};

/// The `documents` columns of an issue.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentRow {
    /// Number and symbol.
    pub number: Option<String>,
    /// Document type in words.
    pub doc_type: Option<String>,
    /// Issuing body.
    pub issuer: Option<String>,
    /// Date of issue.
    pub date: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// `appendix`, `directive` or `unknown`.
    pub kind: String,
    /// Source path.
    pub path: String,
    /// SHA-256 of the source.
    pub sha256: String,
    /// Number of tasks in the issue.
    pub tasks: i64,
    /// When it was loaded (RFC 3339, UTC).
    pub loaded_at: String,
}

/// The `tasks` columns of a task.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskRow {
    /// Id of the plan's first issue.
    pub plan: i64,
    /// Id of the issue the content comes from.
    pub document: i64,
    /// The nhiemvu task id.
    pub task_id: String,
    /// Place in the issue, from 0.
    pub ordinal: i64,
    /// Section number.
    pub section: Option<String>,
    /// Task number.
    pub number: String,
    /// Task name.
    pub name: String,
    /// Expected result.
    pub result: Option<String>,
    /// Id of the parent task.
    pub parent: Option<String>,
    /// Deadline as printed.
    pub deadline_raw: Option<String>,
    /// Deadline kind (`quarter`, `date`, …).
    pub deadline_kind: Option<String>,
    /// Last day of the deadline period.
    pub deadline_due: Option<String>,
    /// The task JSON.
    pub record: String,
}

/// A `changes` row.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeRow<'a> {
    /// Task row id.
    pub task: i64,
    /// Issue row id that brought the change.
    pub document: i64,
    /// `added`, `changed`, `renumbered` or `withdrawn`.
    pub kind: &'static str,
    /// The field, for `changed` and `renumbered`.
    pub field: Option<&'a str>,
    /// The value before, JSON.
    pub old: Option<String>,
    /// The value after, JSON.
    pub new: Option<String>,
    /// When (RFC 3339, UTC).
    pub at: &'a str,
}

/// The `task_units` role of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Đơn vị chủ trì.
    Lead,
    /// Đơn vị phối hợp.
    Coordinating,
}

impl Role {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Coordinating => "coordinating",
        }
    }
}

fn int(value: &Value) -> Result<i64> {
    match value {
        Value::Int(i) => Ok(*i),
        other => Err(LoadError::Database(format!(
            "expected an integer, found {other:?}"
        ))),
    }
}

fn text(value: &Value) -> Result<Option<String>> {
    match value {
        Value::Text(s) => Ok(Some(s.clone())),
        Value::Null => Ok(None),
        other => Err(LoadError::Database(format!(
            "expected a text, found {other:?}"
        ))),
    }
}

fn required(value: &Value) -> Result<String> {
    text(value)?.ok_or_else(|| LoadError::Database("unexpected NULL".into()))
}

fn text_param(value: &Option<String>) -> Param<'_> {
    Param::Text(value.as_deref())
}

/// The id returned by an `INSERT … RETURNING id`.
fn returned_id(db: &mut dyn Backend, sql: &'static str, params: &[Param]) -> Result<i64> {
    let rows = db.query(sql, params)?;
    match rows.first().and_then(|r| r.first()) {
        Some(v) => int(v),
        None => Err(LoadError::Database("an insert returned no id".into())),
    }
}

/// Run `work` in a transaction: committed when it succeeds, rolled back
/// (leaving the database as it was) when it fails.
pub fn in_transaction<T>(
    db: &mut dyn Backend,
    work: impl FnOnce(&mut dyn Backend) -> Result<T>,
) -> Result<T> {
    db.batch("BEGIN")?;
    match work(db) {
        Ok(value) => {
            db.batch("COMMIT")?;
            Ok(value)
        }
        Err(err) => {
            // The first error is the one to report; an unfinished
            // transaction is not committed either way.
            let _ = db.batch("ROLLBACK");
            Err(err)
        }
    }
}

/// Bring the schema to [`SCHEMA_VERSION`], in one transaction.
pub fn migrate(db: &mut dyn Backend) -> Result<()> {
    in_transaction(db, |db| {
        db.batch(sql::SCHEMA_VERSION_TABLE)?;
        let rows = db.query(sql::SCHEMA_VERSION, &[])?;
        let version = match rows.first().and_then(|r| r.first()) {
            Some(Value::Null) | None => 0,
            Some(v) => int(v)?,
        };
        if version > SCHEMA_VERSION {
            return Err(LoadError::Database(format!(
                "schema version {version} is newer than this nhiemvu knows ({SCHEMA_VERSION}); upgrade nhiemvu"
            )));
        }
        for (i, migration) in sql::MIGRATIONS.iter().enumerate() {
            let next = i64::try_from(i + 1).unwrap_or(i64::MAX);
            if next > version {
                db.batch(&migration.replace(sql::ID, db.id_type()))?;
                db.execute(sql::RECORD_VERSION, &[Param::Int(next)])?;
            }
        }
        Ok(())
    })
}

/// Every stored issue, in load order.
pub fn issues(db: &mut dyn Backend) -> Result<Vec<StoredIssue>> {
    db.query(sql::ISSUES, &[])?
        .iter()
        .map(|r| {
            Ok(StoredIssue {
                id: int(&r[0])?,
                plan: int(&r[1])?,
                number: text(&r[2])?,
                issuer: text(&r[3])?,
                title: text(&r[4])?,
                path: required(&r[5])?,
                sha256: required(&r[6])?,
            })
        })
        .collect()
}

/// Row ids and JSON records of a plan's active tasks, in issue order.
pub fn active_tasks(db: &mut dyn Backend, plan: i64) -> Result<Vec<(i64, String)>> {
    db.query(sql::ACTIVE_TASKS, &[Param::Int(plan)])?
        .iter()
        .map(|r| Ok((int(&r[0])?, required(&r[1])?)))
        .collect()
}

impl DocumentRow {
    fn params(&self) -> [Param<'_>; 10] {
        [
            text_param(&self.number),
            text_param(&self.doc_type),
            text_param(&self.issuer),
            text_param(&self.date),
            text_param(&self.title),
            Param::Text(Some(&self.kind)),
            Param::Text(Some(&self.path)),
            Param::Text(Some(&self.sha256)),
            Param::Int(self.tasks),
            Param::Text(Some(&self.loaded_at)),
        ]
    }
}

/// Insert an issue; returns its row id.
pub fn insert_document(db: &mut dyn Backend, row: &DocumentRow) -> Result<i64> {
    returned_id(db, sql::INSERT_DOCUMENT, &row.params())
}

/// Overwrite an issue's columns and set its plan.
pub fn update_document(db: &mut dyn Backend, id: i64, plan: i64, row: &DocumentRow) -> Result<()> {
    let mut params = row.params().to_vec();
    params.extend([Param::Int(id), Param::Int(plan)]);
    db.execute(sql::UPDATE_DOCUMENT, &params).map(drop)
}

impl TaskRow {
    fn params(&self) -> [Param<'_>; 13] {
        [
            Param::Int(self.plan),
            Param::Int(self.document),
            Param::Text(Some(&self.task_id)),
            Param::Int(self.ordinal),
            text_param(&self.section),
            Param::Text(Some(&self.number)),
            Param::Text(Some(&self.name)),
            text_param(&self.result),
            text_param(&self.parent),
            text_param(&self.deadline_raw),
            text_param(&self.deadline_kind),
            text_param(&self.deadline_due),
            Param::Text(Some(&self.record)),
        ]
    }
}

/// Insert an active task; returns its row id.
pub fn insert_task(db: &mut dyn Backend, row: &TaskRow) -> Result<i64> {
    returned_id(db, sql::INSERT_TASK, &row.params())
}

/// Overwrite a task's columns, making it active.
pub fn update_task(db: &mut dyn Backend, id: i64, row: &TaskRow) -> Result<()> {
    let mut params = row.params().to_vec();
    params.push(Param::Int(id));
    db.execute(sql::UPDATE_TASK, &params).map(drop)
}

/// Change only a task's `task_id` (to re-key in two steps).
pub fn set_task_id(db: &mut dyn Backend, id: i64, task_id: &str) -> Result<()> {
    db.execute(
        sql::SET_TASK_ID,
        &[Param::Int(id), Param::Text(Some(task_id))],
    )
    .map(drop)
}

/// Mark a task withdrawn by an issue.
pub fn withdraw_task(db: &mut dyn Backend, id: i64, document: i64) -> Result<()> {
    db.execute(sql::WITHDRAW_TASK, &[Param::Int(id), Param::Int(document)])
        .map(drop)
}

/// The row id of a unit, inserted when new.
pub fn unit(db: &mut dyn Backend, name: &str) -> Result<i64> {
    returned_id(db, sql::UNIT, &[Param::Text(Some(name))])
}

/// Remove a task's unit links.
pub fn clear_task_units(db: &mut dyn Backend, task: i64) -> Result<()> {
    db.execute(sql::CLEAR_TASK_UNITS, &[Param::Int(task)])
        .map(drop)
}

/// Link a unit to a task.
pub fn insert_task_unit(
    db: &mut dyn Backend,
    (task, unit): (i64, i64),
    role: Role,
    ordinal: i64,
    raw: &str,
) -> Result<()> {
    db.execute(
        sql::INSERT_TASK_UNIT,
        &[
            Param::Int(task),
            Param::Int(unit),
            Param::Text(Some(role.as_str())),
            Param::Int(ordinal),
            Param::Text(Some(raw)),
        ],
    )
    .map(drop)
}

/// Record a change.
pub fn insert_change(db: &mut dyn Backend, c: &ChangeRow) -> Result<()> {
    db.execute(
        sql::INSERT_CHANGE,
        &[
            Param::Int(c.task),
            Param::Int(c.document),
            Param::Text(Some(c.kind)),
            Param::Text(c.field),
            text_param(&c.old),
            text_param(&c.new),
            Param::Text(Some(c.at)),
        ],
    )
    .map(drop)
}
