//! Real gold: real documents of `../shared/corpus/` with expected output
//! written by a reader (`fixtures/real/<stem>.expected.json`, notes beside
//! them), compared field by field with `nhiemvu::compare::compare_documents`
//! (the comparison of `nhiemvu check` and `tests/golden.rs`).
//!
//! The extractor is far from these expectations today, so the test does not
//! ask for equality: it prints a table per document (tasks expected, found,
//! matched, fully right; recall and precision) and per field, and asserts
//! floors at today's measured totals so they cannot regress. Raise the
//! floors when the extractor improves (the table is kept in
//! `fixtures/real/SCORES.md`). With `REAL_GOLD_DIFF=1` it also prints every
//! difference, document by document (`cargo test --test real_gold --
//! --nocapture`). Skipped, with a message, where `../shared` is absent.

use nhiemvu::compare::fields::TASK_FIELDS;
use nhiemvu::compare::matcher::{match_tasks, MatchMode, NAME_THRESHOLD};
use nhiemvu::compare::{compare_documents, load_document};
use nhiemvu::extract::Context;
use nhiemvu::model::ExtractedDocument;
use nhiemvu::pipeline::process_file;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Floors and ceiling: the totals measured on 2026-12-05 (see `SCORES.md`).
/// At least this many expected tasks are matched by an extracted task.
const FLOOR_MATCHED: usize = 439;
/// At least this many expected tasks come out with every field right.
const FLOOR_FULLY_RIGHT: usize = 315;
/// At least this many task fields (of 17 per expected task) are right.
const FLOOR_FIELDS_RIGHT: usize = 7110;
/// At most this many extracted tasks match no expected task.
const CEILING_UNEXPECTED: usize = 14;

/// The counts of one document.
#[derive(Default)]
struct Score {
    expected: usize,
    found: usize,
    /// Pairs whose names are at least [`NAME_THRESHOLD`] alike.
    matched: usize,
    /// Matched tasks with every compared field equal.
    fully_right: usize,
    /// Right task fields, summed over the expected tasks.
    fields_right: usize,
    /// Right values per task field, in [`TASK_FIELDS`] order.
    per_field: Vec<usize>,
}

impl Score {
    fn add(&mut self, other: &Score) {
        self.expected += other.expected;
        self.found += other.found;
        self.matched += other.matched;
        self.fully_right += other.fully_right;
        self.fields_right += other.fields_right;
        for (a, b) in self.per_field.iter_mut().zip(&other.per_field) {
            *a += b;
        }
    }

    fn row(&self, name: &str) -> String {
        format!(
            "| {name} | {} | {} | {} | {} | {} | {} |",
            self.expected,
            self.found,
            self.matched,
            self.fully_right,
            ratio(self.matched, self.expected),
            ratio(self.matched, self.found),
        )
    }
}

/// `a / b` as a percentage, `-` when `b` is 0.
fn ratio(a: usize, b: usize) -> String {
    if b == 0 {
        "-".to_string()
    } else {
        format!("{:.0}%", 100.0 * a as f64 / b as f64)
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every expected file under `fixtures/real`, sorted.
fn expected_files() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures/real"))
        .expect("fixtures/real")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    out.sort();
    out
}

/// Extract `input` and score it against `expected`. A document refused with
/// `no_tasks` counts as found empty; any other error fails the test.
fn score(expected: &ExtractedDocument, input: &Path) -> (Score, Vec<String>) {
    let mut notes = Vec::new();
    let got = match process_file(input, &Context::default()) {
        Ok(doc) => doc,
        Err(e) if e.code() == "no_tasks" => {
            notes.push("refused with no_tasks (counted as 0 found)".to_string());
            let mut empty = expected.clone();
            empty.tasks.clear();
            empty
        }
        Err(e) => panic!("{}: {e}", input.display()),
    };
    let report = compare_documents(expected, &got);
    if std::env::var_os("REAL_GOLD_DIFF").is_some() {
        println!("== {}\n{report}", input.display());
    }
    let matching = match_tasks(&expected.tasks, &got.tasks, MatchMode::Check);
    let matched = matching
        .pairs
        .iter()
        .filter(|p| p.similarity >= NAME_THRESHOLD)
        .count();
    for d in &report.document {
        notes.push(format!(
            "{}: expected {}, got {}",
            d.field, d.expected, d.got
        ));
    }
    let doc_fields = report.field_tallies.len() - TASK_FIELDS.len();
    let per_field: Vec<usize> = report.field_tallies[doc_fields..]
        .iter()
        .map(|t| t.equal)
        .collect();
    let score = Score {
        expected: report.tasks_expected,
        found: report.tasks_found,
        matched,
        fully_right: report.tasks_matched - report.tasks.len(),
        fields_right: per_field.iter().sum(),
        per_field,
    };
    (score, notes)
}

#[test]
fn real_documents_against_their_hand_read_expectations() {
    let files = expected_files();
    assert!(files.len() >= 10, "expected files: {}", files.len());
    let shared = root().join("../shared/corpus");
    if !shared.is_dir() {
        eprintln!(
            "skipped: {} is absent (the real documents live there)",
            shared.display()
        );
        return;
    }
    // One gold document is a scan: the floors count its OCR'd tasks.
    if let Err(e) = nhiemvu::ocr::tesseract::check_installed() {
        if std::env::var("NHIEMVU_REQUIRE_TOOLS").as_deref() == Ok("1") {
            panic!("NHIEMVU_REQUIRE_TOOLS=1 but OCR is not available: {e}");
        }
        eprintln!("skipped: the gold holds a scanned document and OCR is not available: {e}");
        return;
    }
    let mut rows = Vec::new();
    let mut total = Score {
        per_field: vec![0; TASK_FIELDS.len()],
        ..Score::default()
    };
    for path in &files {
        let expected = load_document(path).unwrap_or_else(|e| panic!("{e}"));
        let ids: BTreeSet<&str> = expected.tasks.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(
            ids.len(),
            expected.tasks.len(),
            "{}: ids repeat",
            path.display()
        );
        let input = root().join(&expected.source.path);
        assert!(
            input.is_file(),
            "{}: no input {}",
            path.display(),
            input.display()
        );
        let (s, notes) = score(&expected, &input);
        let name = input.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        rows.push(s.row(name));
        for n in notes {
            rows.push(format!("|   ↳ {n} | | | | | | |"));
        }
        total.add(&s);
    }
    let mut table = vec![
        "| document | expected | found | matched | fully right | recall | precision |".to_string(),
        "|---|---|---|---|---|---|---|".to_string(),
    ];
    table.extend(rows);
    table.push(total.row("**total**"));
    println!("{}\n", table.join("\n"));
    println!("| task field | right | of |\n|---|---|---|");
    for (field, right) in TASK_FIELDS.iter().zip(&total.per_field) {
        println!("| {field} | {right} | {} |", total.expected);
    }
    println!(
        "\nfields right: {} of {}",
        total.fields_right,
        total.expected * TASK_FIELDS.len()
    );

    let unexpected = total.found - total.matched;
    assert!(total.expected >= 150, "expected tasks: {}", total.expected);
    assert!(
        total.matched >= FLOOR_MATCHED,
        "matched {} < floor {FLOOR_MATCHED}",
        total.matched
    );
    assert!(
        total.fully_right >= FLOOR_FULLY_RIGHT,
        "fully right {} < floor {FLOOR_FULLY_RIGHT}",
        total.fully_right
    );
    assert!(
        total.fields_right >= FLOOR_FIELDS_RIGHT,
        "fields right {} < floor {FLOOR_FIELDS_RIGHT}",
        total.fields_right
    );
    assert!(
        unexpected <= CEILING_UNEXPECTED,
        "unexpected tasks {unexpected} > ceiling {CEILING_UNEXPECTED}"
    );
}
