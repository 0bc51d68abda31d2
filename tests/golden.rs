//! Golden tests: every fixture under `fixtures/text`, `fixtures/pdf` and
//! `fixtures/docx` is extracted and compared field by field with its
//! hand-checked `<stem>.expected.json` (or `<file name>.expected.json` where
//! two fixtures share a stem), using the same comparison as `nhiemvu check`;
//! a fixture that must fail has `<file name>.expected-error` holding the
//! error code instead. Known disagreements are listed in
//! `fixtures/text/known_differences.tsv`; anything else fails with a
//! readable diff, and so does a listed disagreement that has gone away.

use nhiemvu::compare::compare_documents;
use nhiemvu::extract::Context;
use nhiemvu::model::ExtractedDocument;
use nhiemvu::pipeline::process_file;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/text")
}

/// Every input fixture (text, PDF, Word and their refused cousins).
fn inputs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out: Vec<PathBuf> = ["text", "pdf", "docx"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root.join(d)).expect("fixture folder"))
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e, "txt" | "pdf" | "docx" | "doc" | "odt"))
        })
        .collect();
    out.sort();
    out
}

/// The expected JSON beside an input: `<stem>.expected.json`, or
/// `<file name>.expected.json` where that exists.
fn expected_json(input: &Path) -> PathBuf {
    let mut by_name = input.as_os_str().to_owned();
    by_name.push(".expected.json");
    let by_name = PathBuf::from(by_name);
    if by_name.exists() {
        by_name
    } else {
        input.with_extension("expected.json")
    }
}

#[test]
fn fixtures_that_must_fail_fail_with_their_error() {
    let mut checked = 0;
    for input in inputs() {
        let mut path = input.as_os_str().to_owned();
        path.push(".expected-error");
        let Ok(code) = std::fs::read_to_string(PathBuf::from(path)) else {
            continue;
        };
        let err = process_file(&input, &Context::default()).expect_err("this fixture must fail");
        assert_eq!(err.code(), code.trim(), "{}: {err}", input.display());
        assert!(
            err.to_string().contains(&input.display().to_string()),
            "the error names the file: {err}"
        );
        checked += 1;
    }
    assert!(checked >= 5, "expected-error fixtures: {checked}");
}

fn known_differences() -> BTreeSet<(String, String, String)> {
    let text = std::fs::read_to_string(fixtures().join("known_differences.tsv"))
        .expect("known_differences.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[0].to_string(), f[1].to_string(), f[2].to_string())
        })
        .collect()
}

#[test]
fn fixtures_match_their_expected_output() {
    let known = known_differences();
    let mut seen = BTreeSet::new();
    let mut failures = Vec::new();
    let mut compared = 0;
    for input in inputs() {
        let file = input
            .file_name()
            .and_then(|n| n.to_str())
            .expect("name")
            .to_string();
        let mut error_path = input.as_os_str().to_owned();
        error_path.push(".expected-error");
        if PathBuf::from(error_path).exists() {
            continue;
        }
        compared += 1;
        let expected_path = expected_json(&input);
        let expected: ExtractedDocument = serde_json::from_str(
            &std::fs::read_to_string(&expected_path)
                .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display())),
        )
        .expect("expected JSON parses");
        let got = process_file(&input, &Context::default()).expect("fixture extracts");
        let report = compare_documents(&expected, &got);
        let mut unexplained = Vec::new();
        for task in &report.tasks {
            for field in &task.fields {
                let key = (
                    file.clone(),
                    task.expected_id.clone(),
                    field.field.to_string(),
                );
                if known.contains(&key) {
                    seen.insert(key);
                } else {
                    unexplained.push(format!(
                        "{} {}: expected {:?}, got {:?}",
                        task.label, field.field, field.expected, field.got
                    ));
                }
            }
        }
        let structural = report.tasks_expected != report.tasks_found
            || report.tasks_matched != report.tasks_expected;
        if structural || !unexplained.is_empty() || !report.document.is_empty() {
            failures.push(format!(
                "{file}:\n{report}\nunexplained:\n  {}",
                unexplained.join("\n  ")
            ));
        }
    }
    assert!(compared >= 10, "fixtures compared: {compared}");
    let gone: Vec<_> = known.difference(&seen).collect();
    assert!(
        gone.is_empty(),
        "known differences that no longer occur (remove them from the list): {gone:?}"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
