//! Golden tests: every text fixture under `fixtures/text/` is extracted and
//! compared field by field with its hand-checked `<stem>.expected.json`,
//! using the same comparison as `nhiemvu check`. Known disagreements are
//! listed in `fixtures/text/known_differences.tsv`; anything else fails with
//! a readable diff, and so does a listed disagreement that has gone away.

use nhiemvu::compare::compare_documents;
use nhiemvu::extract::Context;
use nhiemvu::model::ExtractedDocument;
use nhiemvu::pipeline::process_file;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/text")
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
fn text_fixtures_match_their_expected_output() {
    let known = known_differences();
    let mut seen = BTreeSet::new();
    let mut failures = Vec::new();
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .expect("fixtures/text")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 3, "expected at least three text fixtures");
    for input in inputs {
        let file = input
            .file_name()
            .and_then(|n| n.to_str())
            .expect("name")
            .to_string();
        let expected_path = input.with_extension("expected.json");
        let expected: ExtractedDocument = serde_json::from_str(
            &std::fs::read_to_string(&expected_path).expect("expected JSON next to fixture"),
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
    let gone: Vec<_> = known.difference(&seen).collect();
    assert!(
        gone.is_empty(),
        "known differences that no longer occur (remove them from the list): {gone:?}"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
