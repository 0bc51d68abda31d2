//! Loading extracted documents into a tracker database (`nhiemvu load`):
//! upserts by task id, one transaction per document.
//!
//! # Schema (the same in SQLite and PostgreSQL)
//!
//! - `schema_version(version)`: the migrations applied ([`SCHEMA_VERSION`]).
//! - `documents`: one row per issue loaded, with `plan_id` = the id of the
//!   first issue of its plan (its own id for a first issue).
//! - `tasks`: one row per tracked task; `task_id` is the nhiemvu id in the
//!   latest issue holding it, `status` is `active` or `withdrawn` (rows are
//!   never deleted), `record` the task JSON as in that issue, `ordinal` its
//!   place there. Active task ids are unique within a plan.
//! - `units(id, name)` and `task_units(task, unit, role, ordinal, raw)`,
//!   `role` being `lead` or `coordinating`.
//! - `changes(task, document, kind, field, old, new, at)`: what each load
//!   did, `kind` one of `added`, `changed`, `renumbered`, `withdrawn`.
//!   For `changed`, `field` and the JSON `old`/`new` are those of
//!   `nhiemvu diff --json`; for `renumbered`, `field` is `position` and
//!   `old`/`new` are `{"section": …, "number": …}`.
//!
//! # Which plan a document belongs to
//!
//! Task ids embed the document number, and a revised issue of a plan gets a
//! new number, so nhiemvu never guesses that two numbers are one plan:
//!
//! 1. A document that is an issue already stored (same source SHA-256, or
//!    same number and issuer) is that issue again: it is compared with the
//!    plan's tasks, so loading it twice changes nothing. If a later issue of
//!    its plan has been loaded since, it is skipped as superseded.
//! 2. With [`Options::revises`] (`--revises NUMBER`), a new document is the
//!    next issue of the plan holding the stored issue numbered `NUMBER`.
//! 3. Otherwise a new document starts a plan of its own and touches no other
//!    plan's tasks; but when a stored plan has the same issuer and title it
//!    is refused (it may be a revision) unless [`Options::new_plan`] is set.
//!
//! Changes come from [`revise`], the pairing and field comparison of
//! `nhiemvu diff`: loading issue B over issue A records exactly what
//! `nhiemvu diff A B` reports.

mod postgres;
mod sql;
mod sqlite;
mod store;

use crate::compare::diff::{revise, Revision};
use crate::compare::fields::normalize;
use crate::model::{ExtractedDocument, Task};
use crate::normalize::match_key;
use std::collections::{BTreeSet, HashMap};
use store::{ChangeRow, DocumentRow, Role, TaskRow};

/// Version of the database schema this build writes; older databases are
/// migrated forward when opened.
pub const SCHEMA_VERSION: i64 = 1;

/// Why a document (or the database) could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The `--db` URL is not `sqlite:PATH` or `postgres://…`.
    #[error("unsupported database URL {0:?}: use sqlite:PATH or postgres://USER@HOST/DB")]
    Url(String),
    /// The SQLite database reported an error.
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The PostgreSQL server reported an error.
    #[error("PostgreSQL: {}", postgres::describe(.0))]
    Postgres(#[from] ::postgres::Error),
    /// The database holds something this build cannot use.
    #[error("database: {0}")]
    Database(String),
    /// The document cannot be placed in a plan (with advice).
    #[error("{0}")]
    Plan(String),
}

/// Result of a database step.
pub type Result<T> = std::result::Result<T, LoadError>;

/// How documents are assigned to plans.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Number of a stored issue whose plan new documents revise.
    pub revises: Option<String>,
    /// Load new documents as plans of their own even when a stored plan has
    /// the same issuer and title.
    pub new_plan: bool,
}

/// What loading one document did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Tasks inserted (new in this issue).
    pub inserted: usize,
    /// Tasks with a changed field (`changed` of `nhiemvu diff`).
    pub updated: usize,
    /// Tasks under a new section or number (`renumbered` of `nhiemvu
    /// diff`); a task can be both updated and renumbered.
    pub renumbered: usize,
    /// Tasks withdrawn (in the plan before, not in this issue).
    pub withdrawn: usize,
    /// Tasks present before without a changed field (renumbered or not).
    pub unchanged: usize,
    /// Rows written to `changes`.
    pub changes: usize,
}

/// The outcome of loading one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Loaded (possibly without any change) into the plan whose first issue
    /// has this number or path.
    Loaded {
        /// The plan, named by its first issue.
        plan: String,
        /// What changed.
        counts: Counts,
    },
    /// Skipped: a later issue of its plan is already loaded.
    Superseded {
        /// The later issue, by number or path.
        by: String,
    },
}

/// A stored issue, as plan recognition needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredIssue {
    /// Row id.
    pub id: i64,
    /// Id of the first issue of the plan.
    pub plan: i64,
    /// Number and symbol.
    pub number: Option<String>,
    /// Issuing body.
    pub issuer: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Source path as loaded.
    pub path: String,
    /// SHA-256 of the source file.
    pub sha256: String,
}

impl StoredIssue {
    /// The issue for messages: its number, else its path.
    fn label(&self) -> String {
        self.number.clone().unwrap_or_else(|| self.path.clone())
    }
}

/// A statement parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Param<'a> {
    /// An integer.
    Int(i64),
    /// A text, or NULL.
    Text(Option<&'a str>),
}

/// A column value read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// An integer.
    Int(i64),
    /// A text.
    Text(String),
    /// NULL.
    Null,
}

/// A tracker database connection: runs the statements of [`sql`], which are
/// the same for every backend. Typed access is in `store`.
pub trait Backend {
    /// The dialect's auto-numbered primary key type, for [`sql::ID`].
    fn id_type(&self) -> &'static str;
    /// Run statements without parameters (schema, transaction control).
    fn batch(&mut self, sql: &str) -> Result<()>;
    /// Run one statement; returns the number of rows it changed.
    fn execute(&mut self, sql: &'static str, params: &[Param]) -> Result<u64>;
    /// Run one statement and return its rows.
    fn query(&mut self, sql: &'static str, params: &[Param]) -> Result<Vec<Vec<Value>>>;
}

/// Open a database by URL, migrated to [`SCHEMA_VERSION`]: `sqlite:PATH`
/// or a plain path (SQLite, created when absent), or `postgres://…` /
/// `postgresql://…`.
pub fn open(url: &str) -> Result<Box<dyn Backend>> {
    let mut db: Box<dyn Backend> =
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Box::new(postgres::Postgres::connect(url)?)
        } else {
            let path = url.strip_prefix("sqlite:").unwrap_or(url);
            let path = path.strip_prefix("//").unwrap_or(path);
            if path.is_empty() || path.contains("://") {
                return Err(LoadError::Url(url.to_string()));
            }
            Box::new(sqlite::Sqlite::open(std::path::Path::new(path))?)
        };
    store::migrate(db.as_mut())?;
    Ok(db)
}

/// A database URL for messages, without its password.
pub fn redacted(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(scheme), Some(at)) if scheme < at => {
            let user = &url[scheme + 3..at];
            match user.find(':') {
                Some(colon) => format!("{}:***{}", &url[..scheme + 3 + colon], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// Load one document in one transaction: on any error the database is left
/// as it was.
pub fn load_document(
    db: &mut dyn Backend,
    doc: &ExtractedDocument,
    options: &Options,
    at: &str,
) -> Result<Outcome> {
    store::in_transaction(db, |db| apply(db, doc, options, at))
}

/// Normalized text for identity comparisons.
fn key(value: Option<&str>) -> Option<String> {
    value.map(normalize).filter(|s| !s.is_empty())
}

/// Where a document goes: the plan (None for a new one) and the stored
/// issue it is (None for a new issue).
enum Placement {
    Plan {
        plan: Option<i64>,
        issue: Option<i64>,
    },
    Superseded(String),
}

/// Find the plan of `doc` among the stored issues (see the module
/// documentation).
fn place(issues: &[StoredIssue], doc: &ExtractedDocument, options: &Options) -> Result<Placement> {
    let number = key(doc.document.number.as_deref());
    let issuer = key(doc.document.issuer.as_deref());
    let same_issue = issues.iter().find(|i| {
        i.sha256 == doc.source.sha256
            || (number.is_some()
                && key(i.number.as_deref()) == number
                && key(i.issuer.as_deref()) == issuer)
    });
    if let Some(issue) = same_issue {
        let latest = issues
            .iter()
            .filter(|i| i.plan == issue.plan)
            .max_by_key(|i| i.id)
            .unwrap_or(issue);
        if latest.id != issue.id {
            return Ok(Placement::Superseded(latest.label()));
        }
        return Ok(Placement::Plan {
            plan: Some(issue.plan),
            issue: Some(issue.id),
        });
    }
    if let Some(revises) = &options.revises {
        let wanted = key(Some(revises));
        let plans: BTreeSet<i64> = issues
            .iter()
            .filter(|i| key(i.number.as_deref()) == wanted)
            .map(|i| i.plan)
            .collect();
        return match plans.len() {
            1 => Ok(Placement::Plan {
                plan: plans.into_iter().next(),
                issue: None,
            }),
            // The first issue of the plan, loaded in the same run.
            0 if number == wanted => Ok(Placement::Plan {
                plan: None,
                issue: None,
            }),
            0 => Err(LoadError::Plan(format!(
                "--revises {revises}: no stored document has that number (load the earlier issue first)"
            ))),
            n => Err(LoadError::Plan(format!(
                "--revises {revises}: {n} stored plans have an issue with that number"
            ))),
        };
    }
    if !options.new_plan {
        let title = doc.document.title.as_deref().map(match_key);
        let similar = issues.iter().find(|i| {
            issuer.is_some()
                && title.as_ref().is_some_and(|t| !t.is_empty())
                && key(i.issuer.as_deref()) == issuer
                && i.title.as_deref().map(match_key) == title
        });
        if let Some(similar) = similar {
            let label = similar.label();
            return Err(LoadError::Plan(format!(
                "stored plan {label} has the same issuer and title; pass --revises {label} to load this \
                 as its revised issue, or --new-plan to load it as a plan of its own"
            )));
        }
    }
    Ok(Placement::Plan {
        plan: None,
        issue: None,
    })
}

/// The `documents` columns of an extracted document.
fn document_row(doc: &ExtractedDocument, at: &str) -> DocumentRow {
    let kind = serde_json::to_value(doc.document.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    DocumentRow {
        number: doc.document.number.clone(),
        doc_type: doc.document.doc_type.clone(),
        issuer: doc.document.issuer.clone(),
        date: doc.document.date.clone(),
        title: doc.document.title.clone(),
        kind,
        path: doc.source.path.clone(),
        sha256: doc.source.sha256.clone(),
        tasks: count(doc.tasks.len()),
        loaded_at: at.to_string(),
    }
}

/// A count or index as a database integer.
fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// The `tasks` columns of a task.
fn task_row(task: &Task, plan: i64, document: i64, ordinal: usize) -> Result<TaskRow> {
    let record = serde_json::to_string(task)
        .map_err(|e| LoadError::Database(format!("task {}: cannot serialize: {e}", task.id)))?;
    let kind = task.deadline.as_ref().and_then(|d| {
        serde_json::to_value(d.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
    });
    Ok(TaskRow {
        plan,
        document,
        task_id: task.id.clone(),
        ordinal: count(ordinal),
        section: task.section.as_ref().map(|h| h.number.clone()),
        number: task.number.clone(),
        name: task.name.clone(),
        result: task.result.clone(),
        parent: task.parent.clone(),
        deadline_raw: task.deadline.as_ref().map(|d| d.raw.clone()),
        deadline_kind: kind,
        deadline_due: task.deadline.as_ref().and_then(|d| d.due.clone()),
        record,
    })
}

/// JSON text of a value for the `changes` table.
fn json<T: serde::Serialize>(value: &T) -> Option<String> {
    serde_json::to_string(value).ok()
}

/// The position of a task for a `renumbered` change.
fn position_json(task: &Task) -> Option<String> {
    json(&serde_json::json!({
        "section": task.section.as_ref().map(|h| &h.number),
        "number": task.number,
    }))
}

/// Writes one document's tasks and changes, with the units seen so far.
struct Writer<'a> {
    db: &'a mut dyn Backend,
    units: HashMap<String, i64>,
    document: i64,
    at: &'a str,
    changes: usize,
}

impl Writer<'_> {
    fn change(
        &mut self,
        task: i64,
        kind: &'static str,
        field: Option<&str>,
        old: Option<String>,
        new: Option<String>,
    ) -> Result<()> {
        self.changes += 1;
        store::insert_change(
            self.db,
            &ChangeRow {
                task,
                document: self.document,
                kind,
                field,
                old,
                new,
                at: self.at,
            },
        )
    }

    /// Replace the unit links of a task row.
    fn link_units(&mut self, row: i64, task: &Task, fresh: bool) -> Result<()> {
        if !fresh {
            store::clear_task_units(self.db, row)?;
        }
        for (role, units) in [
            (Role::Lead, &task.lead_units),
            (Role::Coordinating, &task.coordinating_units),
        ] {
            for (i, unit) in units.iter().enumerate() {
                let id = match self.units.get(&unit.name) {
                    Some(&id) => id,
                    None => {
                        let id = store::unit(self.db, &unit.name)?;
                        self.units.insert(unit.name.clone(), id);
                        id
                    }
                };
                store::insert_task_unit(self.db, (row, id), role, count(i), &unit.raw)?;
            }
        }
        Ok(())
    }
}

/// Everything of [`load_document`] inside the transaction.
fn apply(
    db: &mut dyn Backend,
    doc: &ExtractedDocument,
    options: &Options,
    at: &str,
) -> Result<Outcome> {
    let issues = store::issues(db)?;
    let (plan, issue) = match place(&issues, doc, options)? {
        Placement::Superseded(by) => return Ok(Outcome::Superseded { by }),
        Placement::Plan { plan, issue } => (plan, issue),
    };
    let stored = match plan {
        Some(plan) => store::active_tasks(db, plan)?,
        None => Vec::new(),
    };
    let (rows, old): (Vec<i64>, Vec<Task>) = stored
        .into_iter()
        .map(|(row, record)| {
            serde_json::from_str::<Task>(&record)
                .map(|task| (row, task))
                .map_err(|e| LoadError::Database(format!("task row {row}: unreadable record: {e}")))
        })
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .unzip();
    let plan_label = |plan: Option<i64>| {
        plan.and_then(|p| issues.iter().find(|i| i.id == p))
            .map(StoredIssue::label)
            .unwrap_or_else(|| {
                doc.document
                    .number
                    .clone()
                    .unwrap_or_else(|| doc.source.path.clone())
            })
    };
    if issue.is_some() && old == doc.tasks {
        return Ok(Outcome::Loaded {
            plan: plan_label(plan),
            counts: Counts {
                unchanged: old.len(),
                ..Counts::default()
            },
        });
    }
    let revision = revise(&old, &doc.tasks);
    let row = document_row(doc, at);
    let (document, plan) = match issue {
        Some(id) => {
            let plan = plan.unwrap_or(id);
            store::update_document(db, id, plan, &row)?;
            (id, plan)
        }
        None => {
            let id = store::insert_document(db, &row)?;
            let plan = plan.unwrap_or(id);
            store::update_document(db, id, plan, &row)?;
            (id, plan)
        }
    };
    let counts = write_revision(
        &mut Writer {
            db,
            units: HashMap::new(),
            document,
            at,
            changes: 0,
        },
        plan,
        (&rows, &old),
        &doc.tasks,
        &revision,
    )?;
    Ok(Outcome::Loaded {
        plan: plan_label(Some(plan)),
        counts,
    })
}

/// Apply a revision: withdraw removed tasks, re-key and update matched ones,
/// insert added ones, recording every change.
fn write_revision(
    w: &mut Writer,
    plan: i64,
    (rows, old): (&[i64], &[Task]),
    new: &[Task],
    revision: &Revision,
) -> Result<Counts> {
    let mut counts = Counts::default();
    for &i in &revision.removed {
        store::withdraw_task(w.db, rows[i], w.document)?;
        w.change(rows[i], "withdrawn", None, None, None)?;
        counts.withdrawn += 1;
    }
    // Active ids are unique within a plan: move re-keyed tasks out of the
    // way first, so that two tasks can swap ids.
    for pair in &revision.pairs {
        if old[pair.old].id != new[pair.new].id {
            store::set_task_id(
                w.db,
                rows[pair.old],
                &format!("\u{1}re-key {}", rows[pair.old]),
            )?;
        }
    }
    for pair in &revision.pairs {
        let (row, a, b) = (rows[pair.old], &old[pair.old], &new[pair.new]);
        if a != b || pair.old != pair.new {
            store::update_task(w.db, row, &task_row(b, plan, w.document, pair.new)?)?;
            w.link_units(row, b, false)?;
        }
        for change in &pair.changes {
            let field = json(&change.field);
            let field = field.as_deref().map(|f| f.trim_matches('"'));
            w.change(row, "changed", field, json(&change.old), json(&change.new))?;
        }
        if pair.renumbered {
            w.change(
                row,
                "renumbered",
                Some("position"),
                position_json(a),
                position_json(b),
            )?;
        }
        if pair.changes.is_empty() {
            counts.unchanged += 1;
        } else {
            counts.updated += 1;
        }
        counts.renumbered += usize::from(pair.renumbered);
    }
    for &j in &revision.added {
        let row = store::insert_task(w.db, &task_row(&new[j], plan, w.document, j)?)?;
        w.link_units(row, &new[j], true)?;
        w.change(row, "added", None, None, None)?;
        counts.inserted += 1;
    }
    counts.changes = w.changes;
    Ok(counts)
}

/// The current time, RFC 3339 in UTC to the second (`2026-03-10T08:15:00Z`).
pub fn utc_now() -> String {
    rfc3339(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0),
    )
}

/// Seconds since 1970-01-01 in UTC as RFC 3339.
fn rfc3339(secs: u64) -> String {
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_left_out_of_messages() {
        assert_eq!(
            redacted("postgres://u:secret@host:5432/db"),
            "postgres://u:***@host:5432/db"
        );
        assert_eq!(redacted("postgres://u@host/db"), "postgres://u@host/db");
        assert_eq!(redacted("sqlite:a@b.db"), "sqlite:a@b.db");
    }

    #[test]
    fn timestamps_are_rfc3339_utc() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_772_694_489), "2026-03-05T07:08:09Z");
        assert_eq!(rfc3339(951_868_799), "2000-02-29T23:59:59Z");
    }

    fn issue(id: i64, plan: i64, number: &str) -> StoredIssue {
        StoredIssue {
            id,
            plan,
            number: Some(number.into()),
            issuer: Some("Ban Chỉ đạo".into()),
            title: Some(format!("Kế hoạch {number}")),
            path: format!("{id}.json"),
            sha256: format!("{id:064}"),
        }
    }

    fn doc(number: &str, title: &str) -> ExtractedDocument {
        let text = include_str!("../../fixtures/diff/plan-2026-01.json");
        let mut doc: ExtractedDocument = serde_json::from_str(text).expect("fixture");
        doc.document.number = Some(number.into());
        doc.document.issuer = Some("Ban Chỉ đạo".into());
        doc.document.title = Some(title.into());
        doc
    }

    fn placed(issues: &[StoredIssue], doc: &ExtractedDocument, options: &Options) -> String {
        match place(issues, doc, options) {
            Ok(Placement::Plan { plan, issue }) => format!("plan {plan:?} issue {issue:?}"),
            Ok(Placement::Superseded(by)) => format!("superseded by {by}"),
            Err(err) => format!("error {err}"),
        }
    }

    #[test]
    fn plans_are_recognized_by_issue_or_by_an_explicit_revision() {
        let issues = [
            issue(1, 1, "11-KH/BCĐ"),
            issue(2, 1, "15-KH/BCĐ"),
            issue(3, 3, "2-KH/X"),
        ];
        let none = Options::default();
        let revises = |n: &str| Options {
            revises: Some(n.into()),
            new_plan: false,
        };
        // The same number and issuer (spacing aside) is the same issue.
        assert_eq!(
            placed(&issues, &doc(" 15-KH/BCĐ", "x"), &none),
            "plan Some(1) issue Some(2)"
        );
        assert_eq!(
            placed(&issues, &doc("11-KH/BCĐ", "x"), &none),
            "superseded by 15-KH/BCĐ"
        );
        assert_eq!(
            placed(&issues, &doc("20-KH/BCĐ", "y"), &none),
            "plan None issue None"
        );
        assert!(placed(&issues, &doc("20-KH/BCĐ", "KẾ HOẠCH 2-KH/X"), &none)
            .starts_with("error stored plan 2-KH/X has the same issuer and title"));
        let own = Options {
            revises: None,
            new_plan: true,
        };
        assert_eq!(
            placed(&issues, &doc("20-KH/BCĐ", "Kế hoạch 2-KH/X"), &own),
            "plan None issue None"
        );
        assert_eq!(
            placed(&issues, &doc("20-KH/BCĐ", "y"), &revises("11-KH/BCĐ")),
            "plan Some(1) issue None"
        );
        assert!(placed(&issues, &doc("20-KH/BCĐ", "y"), &revises("9-KH"))
            .contains("no stored document"));
        assert_eq!(
            placed(&[], &doc("9-KH", "y"), &revises("9-KH")),
            "plan None issue None"
        );
    }
}
