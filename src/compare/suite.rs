//! A folder of inputs with blessed expected outputs beside them: finding
//! the pairs, checking each, totalling, and blessing (accepting the current
//! output as expected).
//!
//! The expected output of `plan.txt` is `plan.expected.json`, or
//! `plan.txt.expected.json` when another input in the same folder shares
//! the stem (`plan.pdf`); the longer name wins when both exist.

use super::load_document;
use super::report::{compare_documents, DocumentReport, FieldTally};
use crate::error::{Error, Result};
use crate::extract::Context;
use crate::output::{document_json, write_atomic};
use crate::pipeline::{process_file, InputFormat};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
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

/// The report of a whole `nhiemvu check` run, as written by `--json`.
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

/// What blessing one input did.
#[derive(Debug, Clone, PartialEq)]
pub enum Blessed {
    /// A new expected output was written with this many tasks.
    Created(usize),
    /// The expected output was rewritten; the report shows what changed
    /// (it is clean when only source information changed).
    Updated(DocumentReport),
    /// The old expected output was not readable and was replaced.
    Replaced(String),
    /// The expected output already matched byte for byte.
    Unchanged,
}

/// Extract one input and write its output as the expected output
/// (atomically), saying what changed.
pub fn bless_case(case: &Case, ctx: &Context) -> Result<Blessed> {
    let got = process_file(&case.input, ctx)?;
    let json = document_json(&got);
    let outcome = if !case.has_expected {
        Blessed::Created(got.tasks.len())
    } else {
        match load_document(&case.expected) {
            Ok(old) => {
                let old_bytes = std::fs::read(&case.expected).map_err(|source| Error::Io {
                    path: case.expected.clone(),
                    source,
                })?;
                if old_bytes == json.as_bytes() {
                    return Ok(Blessed::Unchanged);
                }
                Blessed::Updated(compare_documents(&old, &got))
            }
            Err(err) => Blessed::Replaced(err.to_string()),
        }
    };
    write_atomic(&case.expected, json.as_bytes())?;
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn missing_folder_is_an_error_naming_it() {
        let err = discover(Path::new("/no/such/folder")).expect_err("must fail");
        assert!(err.to_string().contains("/no/such/folder"), "{err}");
    }
}
