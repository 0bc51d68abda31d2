//! `nhiemvu check DIR [--bless] [--json FILE]` on a temporary folder holding
//! `fixtures/check/plan.txt` and a hand-made expected output that
//! deliberately differs from it.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn nhiemvu(args: &[&str], dir: &Path) -> Run {
    let out: Output = Command::new(env!("CARGO_BIN_EXE_nhiemvu"))
        .arg("check")
        .arg(dir)
        .args(args)
        .output()
        .expect("run nhiemvu");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/check")
        .join(name)
}

/// A temp folder with `plan.txt` and its (wrong) `plan.expected.json`.
fn suite() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(fixture("plan.txt"), dir.path().join("plan.txt")).expect("copy input");
    std::fs::copy(
        fixture("plan.differs.json"),
        dir.path().join("plan.expected.json"),
    )
    .expect("copy expected");
    dir
}

fn assert_contains(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "missing {part:?} in\n{text}");
    }
}

#[test]
fn differences_fail_with_a_readable_diff_and_json_report() {
    let dir = suite();
    let report = dir.path().join("report.json");
    let report_arg = report.to_str().expect("UTF-8 temp path");
    let run = nhiemvu(&["--json", report_arg], dir.path());
    assert_eq!(run.code, Some(1), "{}{}", run.stdout, run.stderr);
    assert_contains(
        &run.stdout,
        &[
            "DIFF ",
            "plan.txt (expected ",
            "  tasks: 3 expected, ",
            "  document.number: expected \"99-KH/SAI\", got ",
            "missing tasks: ",
            "99-KH/SAI/I/99",
            "  warning: input changed since blessed",
            "1 files: 0 ok, 1 differ, 0 failed, 0 without expected output",
            "field accuracy (matched and equal / expected):",
            "  document.number ",
        ],
    );
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&report).expect("report"))
        .expect("report is JSON");
    assert_eq!(json["totals"]["differing"], 1);
    assert_eq!(json["totals"]["tasks_expected"], 3);
    assert_eq!(json["files"][0]["status"], "differs");
    let doc_diffs = json["files"][0]["report"]["document"]
        .as_array()
        .expect("document diffs");
    assert!(doc_diffs
        .iter()
        .any(|d| d["field"] == "document.number" && d["expected"] == "99-KH/SAI"));
    let number_tally = json["totals"]["fields"]
        .as_array()
        .and_then(|f| f.iter().find(|t| t["field"] == "document.number"))
        .expect("document.number tally");
    assert_eq!(number_tally["equal"], 0);
    assert_eq!(number_tally["expected"], 1);
}

#[test]
fn bless_accepts_the_output_and_then_check_passes() {
    let dir = suite();
    std::fs::copy(fixture("plan.txt"), dir.path().join("other.txt")).expect("copy");
    let expected = dir.path().join("plan.expected.json");

    let before = nhiemvu(&[], dir.path());
    assert_eq!(before.code, Some(1));
    assert_contains(
        &before.stdout,
        &[
            "skip ",
            "other.txt: no expected output (create ",
            "other.expected.json with --bless)",
        ],
    );

    let bless = nhiemvu(&["--bless"], dir.path());
    assert_eq!(bless.code, Some(0), "{}{}", bless.stdout, bless.stderr);
    assert_contains(
        &bless.stdout,
        &[
            "other.expected.json (",
            "created ",
            "updated ",
            "plan.expected.json: ",
            " differences accepted:",
            "document.number: expected \"99-KH/SAI\", got ",
        ],
    );
    let blessed: Value = serde_json::from_str(&std::fs::read_to_string(&expected).expect("read"))
        .expect("blessed file is JSON");
    assert_ne!(blessed["document"]["number"], "99-KH/SAI");
    assert!(dir.path().join("other.expected.json").is_file());
    // Atomic writes leave no temporary files behind.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".nhiemvu-"))
        .collect();
    assert!(leftovers.is_empty());

    let after = nhiemvu(&[], dir.path());
    assert_eq!(after.code, Some(0), "{}{}", after.stdout, after.stderr);
    assert_contains(
        &after.stdout,
        &["ok ", "plan.txt", "2 files: 2 ok, 0 differ, 0 failed"],
    );
    assert!(!after.stdout.contains("warning"), "{}", after.stdout);

    let again = nhiemvu(&["--bless"], dir.path());
    assert_eq!(again.code, Some(0));
    assert_eq!(
        again.stdout.matches("unchanged ").count(),
        2,
        "{}",
        again.stdout
    );
}

#[test]
fn unreadable_expected_output_fails_naming_the_file() {
    let dir = suite();
    std::fs::write(dir.path().join("plan.expected.json"), "not json").expect("write");
    let run = nhiemvu(&[], dir.path());
    assert_eq!(run.code, Some(1));
    assert_contains(
        &run.stdout,
        &["FAIL ", "plan.expected.json: not a nhiemvu JSON document"],
    );
    let bless = nhiemvu(&["--bless"], dir.path());
    assert_eq!(bless.code, Some(0), "{}{}", bless.stdout, bless.stderr);
    assert_contains(
        &bless.stdout,
        &["replaced ", "plan.expected.json (was unreadable: "],
    );
    assert_eq!(nhiemvu(&[], dir.path()).code, Some(0));
}

#[test]
fn orphan_expected_outputs_are_warned_about() {
    let dir = suite();
    std::fs::write(dir.path().join("gone.expected.json"), "{}").expect("write");
    let run = nhiemvu(&[], dir.path());
    assert_contains(
        &run.stderr,
        &["gone.expected.json: expected output with no input beside it"],
    );
}

#[test]
fn a_missing_folder_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = nhiemvu(&[], &dir.path().join("nope"));
    assert_eq!(run.code, Some(2));
    assert_contains(&run.stderr, &["nope: not a folder"]);
}

#[test]
fn an_input_that_fails_is_reported_and_not_blessed() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("empty.txt"), "  \n").expect("write");
    std::fs::write(dir.path().join("empty.expected.json"), "{}").expect("write");
    let run = nhiemvu(&[], dir.path());
    assert_eq!(run.code, Some(1));
    assert_contains(&run.stdout, &["1 files: 0 ok, 0 differ, 1 failed"]);
    let bless = nhiemvu(&["--bless"], dir.path());
    assert_eq!(bless.code, Some(1));
    assert_contains(&bless.stderr, &["empty.txt: the file is empty"]);
    let kept = std::fs::read_to_string(dir.path().join("empty.expected.json")).expect("read");
    assert_eq!(kept, "{}");
}
