//! `nhiemvu load`: every scenario runs against SQLite, and against
//! PostgreSQL when `NHIEMVU_TEST_POSTGRES` names a server (`.ci/setup-postgres.sh`
//! starts one; each test works in a schema of its own there).

use nhiemvu::model::{ExtractedDocument, UnitRef};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/diff")
        .join(name)
}

fn read_fixture(name: &str) -> ExtractedDocument {
    let text = std::fs::read_to_string(fixture(name)).expect("fixture");
    serde_json::from_str(&text).expect("fixture parses")
}

/// A tracker database for one test.
enum Db {
    Sqlite(tempfile::TempDir),
    Postgres { admin: String, schema: String },
}

impl Db {
    fn url(&self) -> String {
        match self {
            Db::Sqlite(dir) => format!("sqlite:{}", dir.path().join("tracker.db").display()),
            Db::Postgres { admin, schema } => {
                let sep = if admin.contains('?') { '&' } else { '?' };
                format!("{admin}{sep}options=-csearch_path%3D{schema}")
            }
        }
    }

    /// Every row of a query, each column as text (NULL as None).
    fn rows(&self, sql: &str) -> Vec<Vec<Option<String>>> {
        match self {
            Db::Sqlite(dir) => {
                let conn = rusqlite::Connection::open(dir.path().join("tracker.db")).expect("open");
                let mut stmt = conn.prepare(sql).expect("prepare");
                let width = stmt.column_count();
                let mut rows = stmt.query([]).expect("query");
                let mut out = Vec::new();
                while let Some(row) = rows.next().expect("row") {
                    out.push(
                        (0..width)
                            .map(|i| match row.get_ref(i).expect("column") {
                                rusqlite::types::ValueRef::Null => None,
                                rusqlite::types::ValueRef::Integer(n) => Some(n.to_string()),
                                rusqlite::types::ValueRef::Text(t) => {
                                    Some(String::from_utf8_lossy(t).into_owned())
                                }
                                other => Some(format!("{other:?}")),
                            })
                            .collect(),
                    );
                }
                out
            }
            Db::Postgres { .. } => {
                let mut client =
                    postgres::Client::connect(&self.url(), postgres::NoTls).expect("connect");
                client
                    .simple_query(sql)
                    .expect("query")
                    .into_iter()
                    .filter_map(|m| match m {
                        postgres::SimpleQueryMessage::Row(row) => Some(
                            (0..row.len())
                                .map(|i| row.get(i).map(str::to_string))
                                .collect(),
                        ),
                        _ => None,
                    })
                    .collect()
            }
        }
    }

    /// The whole content of the tracker tables, sorted, for before/after
    /// comparisons.
    fn dump(&self) -> Vec<String> {
        let mut all = Vec::new();
        for table in [
            "schema_version",
            "documents",
            "tasks",
            "units",
            "task_units",
            "changes",
        ] {
            for row in self.rows(&format!("SELECT * FROM {table}")) {
                all.push(format!("{table}: {row:?}"));
            }
        }
        all.sort();
        all
    }

    fn count(&self, sql: &str) -> usize {
        self.rows(sql)[0][0]
            .as_deref()
            .and_then(|n| n.parse().ok())
            .expect("a count")
    }
}

/// The databases to run a scenario on: SQLite always, PostgreSQL when
/// configured (its absence is a failure under `NHIEMVU_REQUIRE_TOOLS=1`).
fn databases(test: &str) -> Vec<Db> {
    let mut dbs = vec![Db::Sqlite(tempfile::tempdir().expect("temp dir"))];
    match std::env::var("NHIEMVU_TEST_POSTGRES") {
        Ok(admin) if !admin.is_empty() => {
            let schema = format!("load_{test}");
            let mut client = postgres::Client::connect(&admin, postgres::NoTls)
                .unwrap_or_else(|e| panic!("NHIEMVU_TEST_POSTGRES={admin}: cannot connect: {e}"));
            client
                .batch_execute(&format!(
                    "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
                ))
                .expect("fresh schema");
            dbs.push(Db::Postgres { admin, schema });
        }
        _ if std::env::var("NHIEMVU_REQUIRE_TOOLS").as_deref() == Ok("1") => {
            panic!("NHIEMVU_TEST_POSTGRES is not set (source .ci/setup-postgres.sh)")
        }
        _ => eprintln!(
            "skipping PostgreSQL for {test}: NHIEMVU_TEST_POSTGRES is not set (source .ci/setup-postgres.sh)"
        ),
    }
    dbs
}

fn nhiemvu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
        .args(args)
        .output()
        .expect("run nhiemvu")
}

fn load(db: &Db, inputs: &[&Path], extra: &[&str]) -> Output {
    let url = db.url();
    let mut args = vec!["load", "--db", url.as_str()];
    args.extend(inputs.iter().map(|p| p.to_str().expect("UTF-8 path")));
    args.extend(extra);
    nhiemvu(&args)
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn ok(out: Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "stdout: {}\nstderr: {}",
        stdout(&out),
        String::from_utf8_lossy(&out.stderr)
    );
    stdout(&out)
}

fn write_doc(dir: &Path, name: &str, doc: &ExtractedDocument) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string(doc).expect("serializes")).expect("write");
    path
}

#[test]
fn loading_twice_changes_nothing() {
    for db in databases("twice") {
        let old = fixture("plan-2026-01.json");
        let first = ok(load(&db, &[&old], &[]));
        assert!(
            first.contains("6 inserted, 0 updated, 0 withdrawn, 0 unchanged; 6 changes recorded"),
            "{first}"
        );
        let before = db.dump();
        let second = ok(load(&db, &[&old], &[]));
        assert!(
            second.contains("0 inserted, 0 updated, 0 withdrawn, 6 unchanged; no change"),
            "{second}"
        );
        assert_eq!(db.dump(), before, "the second load wrote something");
        // Units are stored once and linked by role.
        assert_eq!(
            db.count(
                "SELECT COUNT(*) FROM task_units tu JOIN units u ON u.id = tu.unit_id \
                 JOIN tasks t ON t.id = tu.task_id \
                 WHERE t.task_id = '11-KH/BCĐ/I/1' AND tu.role = 'lead' \
                 AND u.name = 'Ban Tuyên giáo và Dân vận Trung ương'"
            ),
            1
        );
    }
}

/// What `nhiemvu diff OLD NEW --json` reports, as the rows `load` writes to
/// `changes`: (task id, kind, field, old, new), old and new as JSON.
fn diff_as_changes(old: &Path, new: &Path) -> Vec<(String, String, Option<String>, Value, Value)> {
    let out = Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
        .arg("diff")
        .arg(old)
        .arg(new)
        .arg("--json")
        .output()
        .expect("run nhiemvu diff");
    let diff: Value = serde_json::from_slice(&out.stdout).expect("diff JSON");
    let text = |v: &Value| v.as_str().expect("a string").to_string();
    let mut rows = Vec::new();
    for t in diff["added"].as_array().expect("added") {
        rows.push((
            text(&t["id"]),
            "added".into(),
            None,
            Value::Null,
            Value::Null,
        ));
    }
    for t in diff["removed"].as_array().expect("removed") {
        rows.push((
            text(&t["id"]),
            "withdrawn".into(),
            None,
            Value::Null,
            Value::Null,
        ));
    }
    for c in diff["changed"].as_array().expect("changed") {
        for ch in c["changes"].as_array().expect("changes") {
            rows.push((
                text(&c["new_id"]),
                "changed".into(),
                Some(text(&ch["field"])),
                ch["old"].clone(),
                ch["new"].clone(),
            ));
        }
    }
    for r in diff["renumbered"].as_array().expect("renumbered") {
        rows.push((
            text(&r["new_id"]),
            "renumbered".into(),
            Some("position".into()),
            json!({"section": r["old_section"], "number": r["old_number"]}),
            json!({"section": r["new_section"], "number": r["new_number"]}),
        ));
    }
    rows.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    rows
}

#[test]
fn a_revised_issue_records_exactly_what_diff_reports() {
    let (old, new) = (fixture("plan-2026-01.json"), fixture("plan-2026-03.json"));
    let expected = diff_as_changes(&old, &new);
    assert_eq!(expected.len(), 8, "{expected:?}");
    for db in databases("revised") {
        ok(load(&db, &[&old], &[]));
        // A new number with the issuer and title of a stored plan is not
        // guessed to be either a revision or a new plan.
        let before = db.dump();
        let refused = load(&db, &[&new], &[]);
        assert_eq!(refused.status.code(), Some(1));
        let err = String::from_utf8_lossy(&refused.stderr);
        assert!(
            err.contains("plan-2026-03.json") && err.contains("--revises 11-KH/BCĐ"),
            "{err}"
        );
        assert_eq!(db.dump(), before);

        let summary = ok(load(&db, &[&new], &["--revises", "11-KH/BCĐ"]));
        assert!(
            summary.contains(
                "plan 11-KH/BCĐ: 1 inserted, 3 updated, 1 withdrawn, 2 unchanged (3 renumbered); 8 changes recorded"
            ),
            "{summary}"
        );
        let mut got: Vec<_> = db
            .rows(
                "SELECT t.task_id, c.kind, c.field, c.old, c.new FROM changes c \
                 JOIN tasks t ON t.id = c.task_id JOIN documents d ON d.id = c.document_id \
                 WHERE d.number = '15-KH/BCĐ'",
            )
            .into_iter()
            .map(|r| {
                let json = |v: &Option<String>| {
                    v.as_deref()
                        .map(|s| serde_json::from_str(s).expect("JSON value"))
                        .unwrap_or(Value::Null)
                };
                (
                    r[0].clone().expect("task id"),
                    r[1].clone().expect("kind"),
                    r[2].clone(),
                    json(&r[3]),
                    json(&r[4]),
                )
            })
            .collect();
        got.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
        assert_eq!(got, expected);

        // The dropped task is kept, withdrawn; the others carry the new ids.
        let withdrawn = db.rows("SELECT task_id FROM tasks WHERE status = 'withdrawn'");
        assert_eq!(withdrawn, [[Some("11-KH/BCĐ/II/6".to_string())]]);
        assert_eq!(
            db.count(
                "SELECT COUNT(*) FROM tasks WHERE status = 'active' AND task_id LIKE '15-KH/BCĐ/%'"
            ),
            6
        );

        // Both issues again: the old one is superseded, the new one unchanged.
        let before = db.dump();
        let again = ok(load(&db, &[&fixture("")], &[]));
        assert!(again.contains("plan-2026-01.json: skipped"), "{again}");
        assert!(again.contains("6 unchanged; no change"), "{again}");
        assert_eq!(db.dump(), before);
    }
}

#[test]
fn a_failed_document_leaves_the_database_as_it_was() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Two tasks with one id: the second insert violates the unique index
    // on active ids, midway through the document.
    let mut duplicate = read_fixture("plan-2026-03.json");
    duplicate.document.number = Some("99-KH/BCĐ".into());
    duplicate.document.title = Some("Một kế hoạch khác".into());
    duplicate.source.sha256 = "c".repeat(64);
    duplicate.tasks[4].id = duplicate.tasks[1].id.clone();
    duplicate.tasks[0].lead_units.push(UnitRef {
        raw: "Đơn vị mới".into(),
        name: "Đơn vị mới".into(),
    });
    let bad = write_doc(dir.path(), "duplicate.json", &duplicate);
    let malformed = dir.path().join("malformed.json");
    std::fs::write(&malformed, "{\"schema_version\": \"3\", \"tasks\": [").expect("write");
    for db in databases("failure") {
        ok(load(&db, &[&fixture("plan-2026-01.json")], &[]));
        let before = db.dump();
        for input in [&bad, &malformed] {
            let out = load(&db, &[input], &[]);
            assert_eq!(out.status.code(), Some(1));
            let err = String::from_utf8_lossy(&out.stderr);
            let name = input.file_name().and_then(|n| n.to_str()).expect("name");
            assert!(err.contains(name), "{err}");
            let why = if input == &bad {
                "unique"
            } else {
                "not a nhiemvu json"
            };
            assert!(err.to_lowercase().contains(why), "{err}");
            assert_eq!(db.dump(), before, "{name} changed the database");
        }
        // The same failure in a revision: nothing withdrawn, nothing re-keyed.
        let mut revision = read_fixture("plan-2026-03.json");
        revision.tasks[3].id = revision.tasks[0].id.clone();
        let bad_revision = write_doc(dir.path(), "bad-revision.json", &revision);
        let out = load(&db, &[&bad_revision], &["--revises", "11-KH/BCĐ"]);
        assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
        assert_eq!(db.dump(), before);
        assert!(db.dump().iter().all(|row| !row.contains("Đơn vị mới")));
    }
}

#[test]
fn a_different_document_is_a_plan_of_its_own() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut other = read_fixture("plan-2026-01.json");
    other.document.number = Some("7-KH/UBND".into());
    other.document.issuer = Some("Ủy ban nhân dân tỉnh".into());
    other.document.title = Some("Kế hoạch cải cách hành chính".into());
    other.source.sha256 = "d".repeat(64);
    for task in &mut other.tasks {
        task.id = task.id.replace("11-KH/BCĐ", "7-KH/UBND");
    }
    other.tasks.truncate(3);
    let other = write_doc(dir.path(), "other.json", &other);
    for db in databases("other") {
        ok(load(&db, &[&fixture("plan-2026-01.json")], &[]));
        let out = ok(load(&db, &[&other], &[]));
        assert!(
            out.contains("plan 7-KH/UBND: 3 inserted, 0 updated, 0 withdrawn"),
            "{out}"
        );
        assert_eq!(
            db.count("SELECT COUNT(*) FROM tasks WHERE status = 'active'"),
            9
        );
        assert_eq!(db.count("SELECT COUNT(DISTINCT plan_id) FROM tasks"), 2);
    }
}

#[test]
fn ten_thousand_tasks_load_into_sqlite_in_under_five_seconds() {
    let template = read_fixture("plan-2026-01.json");
    let mut doc = template.clone();
    doc.tasks = (0..10_000)
        .map(|i| {
            let mut task = template.tasks[i % template.tasks.len()].clone();
            task.number = (i + 1).to_string();
            task.id = format!("11-KH/BCĐ/-/{}", i + 1);
            task.section = None;
            task.name = format!("{} (đợt {i})", task.name);
            task.lead_units[0].name = format!("Đơn vị {}", i % 300);
            task
        })
        .collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite:{}", dir.path().join("big.db").display());
    let mut db = nhiemvu::load::open(&url).expect("open");
    let options = nhiemvu::load::Options::default();
    let start = std::time::Instant::now();
    let outcome = nhiemvu::load::load_document(db.as_mut(), &doc, &options, "2026-01-01T00:00:00Z")
        .expect("loads");
    let took = start.elapsed();
    match outcome {
        nhiemvu::load::Outcome::Loaded { counts, .. } => assert_eq!(counts.inserted, 10_000),
        other => panic!("{other:?}"),
    }
    assert!(took.as_secs_f64() < 5.0, "10,000 tasks took {took:?}");
    let start = std::time::Instant::now();
    let again = nhiemvu::load::load_document(db.as_mut(), &doc, &options, "2026-01-02T00:00:00Z")
        .expect("loads again");
    assert!(
        matches!(again, nhiemvu::load::Outcome::Loaded { counts, .. } if counts.changes == 0 && counts.unchanged == 10_000),
        "{again:?}"
    );
    assert!(
        start.elapsed().as_secs_f64() < 5.0,
        "reload took {:?}",
        start.elapsed()
    );
}
