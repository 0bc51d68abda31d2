//! A folder of inputs with blessed expected outputs beside them: finding
//! the pairs, checking each and totalling. Blessing is in [`super::bless`].
//!
//! The expected output of `plan.txt` is `plan.expected.json`, or
//! `plan.txt.expected.json` when another input in the same folder shares
//! the stem (`plan.pdf`); the longer name wins when both exist.

use super::load_document;
use super::report::{compare_documents, DocumentReport, FieldTally};
use crate::error::{Error, Result};
use crate::extract::Context;
use crate::pipeline::{process_file, InputFormat};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

/// Suffix of expected-output files.
pub const EXPECTED_SUFFIX: &str = ".expected.json";

/// One input and where its expected output is (or would be written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// The input file.
    pub input: PathBuf,
    /// Its expected-output file.
    pub expected: PathBuf,
    /// Whether the expected-output file exists.
    pub has_expected: bool,
}

/// The cases found under a folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Discovery {
    /// Every input, sorted by path.
    pub cases: Vec<Case>,
    /// Expected-output files that belong to no input.
    pub orphans: Vec<PathBuf>,
}

/// Find every input under `dir` (recursively) and its expected output.
pub fn discover(dir: &Path) -> Result<Discovery> {
    let mut inputs = Vec::new();
    let mut expected_files = BTreeSet::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::Io {
            path: e.path().unwrap_or(dir).to_path_buf(),
            source: e
                .into_io_error()
                .unwrap_or_else(|| std::io::Error::other("file system loop")),
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.into_path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.ends_with(EXPECTED_SUFFIX) {
            expected_files.insert(path);
        } else if InputFormat::of(&path).is_some() {
            inputs.push(path);
        }
    }
    inputs.sort();
    let mut stems: HashMap<PathBuf, usize> = HashMap::new();
    for input in &inputs {
        *stems.entry(input.with_extension("")).or_default() += 1;
    }
    let mut cases = Vec::new();
    for input in inputs {
        let shared_stem = stems.get(&input.with_extension("")).is_some_and(|&n| n > 1);
        let by_name = with_suffix(&input);
        let by_stem = with_suffix(&input.with_extension(""));
        let expected = if expected_files.contains(&by_name) || shared_stem {
            by_name
        } else {
            by_stem
        };
        let has_expected = expected_files.remove(&expected);
        cases.push(Case {
            input,
            expected,
            has_expected,
        });
    }
    Ok(Discovery {
        cases,
        orphans: expected_files.into_iter().collect(),
    })
}

/// `path` with [`EXPECTED_SUFFIX`] appended to its file name.
fn with_suffix(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(EXPECTED_SUFFIX);
    PathBuf::from(s)
}

/// The verdict on one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Output equals the expected output.
    Clean,
    /// Output differs from the expected output.
    Differs,
    /// The input or its expected output could not be read.
    Failed,
    /// No expected output: not checked.
    NoExpected,
}

/// The result of checking one input.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileResult {
    /// The input path.
    pub input: String,
    /// The expected-output path.
    pub expected: String,
    /// The verdict.
    pub status: Status,
    /// The comparison, when one was made.
    pub report: Option<DocumentReport>,
    /// Why the input failed.
    pub error: Option<String>,
}

/// Extract one input and compare it with its expected output.
pub fn check_case(case: &Case, ctx: &Context) -> FileResult {
    let result = |status, report, error| FileResult {
        input: case.input.display().to_string(),
        expected: case.expected.display().to_string(),
        status,
        report,
        error,
    };
    if !case.has_expected {
        return result(Status::NoExpected, None, None);
    }
    let compared = load_document(&case.expected).and_then(|expected| {
        process_file(&case.input, ctx).map(|got| compare_documents(&expected, &got))
    });
    match compared {
        Ok(report) if report.is_clean() => result(Status::Clean, Some(report), None),
        Ok(report) => result(Status::Differs, Some(report), None),
        Err(err) => result(Status::Failed, None, Some(err.to_string())),
    }
}

/// Totals over all checked inputs.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Totals {
    /// Inputs found.
    pub files: usize,
    /// Inputs whose output equals the expected output.
    pub clean: usize,
    /// Inputs whose output differs.
    pub differing: usize,
    /// Inputs that could not be checked because of an error.
    pub failed: usize,
    /// Inputs without an expected output.
    pub without_expected: usize,
    /// Expected tasks over all compared inputs.
    pub tasks_expected: usize,
    /// Extracted tasks over all compared inputs.
    pub tasks_found: usize,
    /// Tasks paired.
    pub tasks_matched: usize,
    /// Expected tasks not found.
    pub missing: usize,
    /// Extracted tasks not expected.
    pub unexpected: usize,
    /// Per-field counts summed over all compared inputs.
    pub fields: Vec<FieldTally>,
}

/// The report of a whole `nhiemvu check` run, as written by `--json`:
/// `{"files": [{"input", "expected", "status": "clean" | "differs" |
/// "failed" | "no_expected", "report": DocumentReport | null, "error":
/// string | null}], "orphans": [path], "totals": {"files", "clean",
/// "differing", "failed", "without_expected", "tasks_expected",
/// "tasks_found", "tasks_matched", "missing", "unexpected", "fields":
/// [{"field", "expected", "equal"}]}}`. A `DocumentReport` holds the task
/// counts, `missing` and `unexpected` ids, `document` and `tasks` field
/// differences (`{"field", "expected", "got"}`, values being a string,
/// `null` or a list of strings), `field_tallies` and `warnings`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckReport {
    /// One result per input, sorted by path.
    pub files: Vec<FileResult>,
    /// Expected-output files with no input.
    pub orphans: Vec<String>,
    /// Totals.
    pub totals: Totals,
}

impl CheckReport {
    /// Total the results of a run.
    pub fn new(files: Vec<FileResult>, orphans: &[PathBuf]) -> CheckReport {
        let mut t = Totals {
            files: files.len(),
            ..Totals::default()
        };
        for file in &files {
            match file.status {
                Status::Clean => t.clean += 1,
                Status::Differs => t.differing += 1,
                Status::Failed => t.failed += 1,
                Status::NoExpected => t.without_expected += 1,
            }
            let Some(r) = &file.report else { continue };
            t.tasks_expected += r.tasks_expected;
            t.tasks_found += r.tasks_found;
            t.tasks_matched += r.tasks_matched;
            t.missing += r.missing.len();
            t.unexpected += r.unexpected.len();
            if t.fields.is_empty() {
                t.fields = r.field_tallies.clone();
            } else {
                for (sum, tally) in t.fields.iter_mut().zip(&r.field_tallies) {
                    sum.expected += tally.expected;
                    sum.equal += tally.equal;
                }
            }
        }
        CheckReport {
            files,
            orphans: orphans.iter().map(|p| p.display().to_string()).collect(),
            totals: t,
        }
    }

    /// Whether every checked input matched and none failed.
    pub fn is_clean(&self) -> bool {
        self.totals.differing == 0 && self.totals.failed == 0
    }
}

/// Check every input under `dir` (recursively) against its expected output.
pub fn check_dir(dir: &Path, ctx: &Context) -> Result<CheckReport> {
    let found = discover(dir)?;
    let files = found
        .cases
        .par_iter()
        .map(|case| check_case(case, ctx))
        .collect();
    Ok(CheckReport::new(files, &found.orphans))
}

impl fmt::Display for CheckReport {
    /// One line per input (`ok`, `DIFF`, `FAIL`, `skip`), the differences
    /// of each differing input indented below it, then totals and field
    /// accuracy.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for file in &self.files {
            match file.status {
                Status::Clean => writeln!(f, "ok {}", file.input)?,
                Status::NoExpected => writeln!(
                    f,
                    "skip {}: no expected output (create {} with --bless)",
                    file.input, file.expected
                )?,
                Status::Failed => writeln!(
                    f,
                    "FAIL {}: {}",
                    file.input,
                    file.error.as_deref().unwrap_or("error")
                )?,
                Status::Differs => {
                    writeln!(f, "DIFF {} (expected {}):", file.input, file.expected)?
                }
            }
            match &file.report {
                Some(r) if file.status == Status::Differs => {
                    for line in r.to_string().lines() {
                        writeln!(f, "  {line}")?;
                    }
                }
                Some(r) => {
                    for w in &r.warnings {
                        writeln!(f, "  warning: {w}")?;
                    }
                }
                None => {}
            }
        }
        let t = &self.totals;
        writeln!(
            f,
            "\n{} files: {} ok, {} differ, {} failed, {} without expected output",
            t.files, t.clean, t.differing, t.failed, t.without_expected
        )?;
        if t.fields.is_empty() {
            return Ok(());
        }
        writeln!(
            f,
            "tasks: {} expected, {} found, {} matched, {} missing, {} unexpected",
            t.tasks_expected, t.tasks_found, t.tasks_matched, t.missing, t.unexpected
        )?;
        writeln!(f, "field accuracy (matched and equal / expected):")?;
        for tally in &t.fields {
            let percent = if tally.expected == 0 {
                "-".to_string()
            } else {
                format!("{:.1}%", 100.0 * tally.accuracy())
            };
            writeln!(
                f,
                "  {:<28} {:>5}/{:<5} {percent:>7}",
                tally.field, tally.equal, tally.expected
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ExtractedDocument;

    fn touch(dir: &Path, name: &str) {
        std::fs::write(dir.join(name), "x").expect("write test file");
    }

    #[test]
    fn finds_expected_outputs_by_stem_or_file_name() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = tmp.path();
        std::fs::create_dir(dir.join("sub")).expect("mkdir");
        touch(dir, "a.txt");
        touch(dir, "a.expected.json");
        touch(dir, "b.txt");
        touch(dir, "sub/c.txt");
        touch(dir, "sub/c.txt.expected.json");
        touch(dir, "gone.expected.json");
        touch(dir, "notes.md");
        touch(dir, "p.txt");
        touch(dir, "p.TXT");
        touch(dir, "p.expected.json");
        let found = discover(dir).expect("discover");
        let cases: Vec<_> = found
            .cases
            .iter()
            .map(|c| {
                let rel = |p: &Path| p.strip_prefix(dir).map(|p| p.display().to_string());
                (rel(&c.input).ok(), rel(&c.expected).ok(), c.has_expected)
            })
            .collect();
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            cases,
            [
                (s("a.txt"), s("a.expected.json"), true),
                (s("b.txt"), s("b.expected.json"), false),
                (s("p.TXT"), s("p.TXT.expected.json"), false),
                (s("p.txt"), s("p.txt.expected.json"), false),
                (s("sub/c.txt"), s("sub/c.txt.expected.json"), true),
            ]
        );
        // With two inputs named `p`, `p.expected.json` is ambiguous.
        assert_eq!(
            found.orphans,
            [dir.join("gone.expected.json"), dir.join("p.expected.json")]
        );
    }

    #[test]
    fn totals_add_up_over_files() {
        use crate::compare::test_support::{document, task};
        let want = document(vec![task("d/-/1", "1", "Một"), task("d/-/2", "2", "Hai")]);
        let mut got = want.clone();
        got.tasks[1].name = "Hai mươi".into();
        let result = |status, expected: &ExtractedDocument, got: &ExtractedDocument| FileResult {
            input: "x.txt".into(),
            expected: "x.expected.json".into(),
            status,
            report: Some(compare_documents(expected, got)),
            error: None,
        };
        let files = vec![
            result(Status::Clean, &want, &want),
            result(Status::Differs, &want, &got),
            FileResult {
                input: "y.txt".into(),
                expected: "y.expected.json".into(),
                status: Status::Failed,
                report: None,
                error: Some("y.txt: cannot read".into()),
            },
        ];
        let report = CheckReport::new(files, &[]);
        assert!(!report.is_clean());
        let t = &report.totals;
        assert_eq!((t.files, t.clean, t.differing, t.failed), (3, 1, 1, 1));
        assert_eq!((t.tasks_expected, t.tasks_matched), (4, 4));
        let name = t.fields.iter().find(|f| f.field == "name");
        assert_eq!(name.map(|f| (f.equal, f.expected)), Some((3, 4)));
        let text = report.to_string();
        for part in [
            "ok x.txt\n",
            "DIFF x.txt (expected x.expected.json):\n  tasks: 2 expected",
            "  2 name: expected \"Hai\", got \"Hai mươi\"\n",
            "FAIL y.txt: y.txt: cannot read\n",
            "3 files: 1 ok, 1 differ, 1 failed, 0 without expected output",
            "  name                             3/4       75.0%",
        ] {
            assert!(text.contains(part), "missing {part:?} in\n{text}");
        }
    }

    #[test]
    fn missing_folder_is_an_error_naming_it() {
        let err = discover(Path::new("/no/such/folder")).expect_err("must fail");
        assert!(err.to_string().contains("/no/such/folder"), "{err}");
    }
}
