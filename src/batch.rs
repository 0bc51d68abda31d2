//! Running many inputs: finding them, naming their outputs so that no two
//! collide, processing them in parallel, and writing results as each file
//! finishes while keeping combined outputs in input-path order.

use crate::error::Error;
use crate::extract::Context;
use crate::model::ExtractedDocument;
use crate::output::{self, write_atomic};
use crate::pipeline::{process_file, InputFormat};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

/// One input file and the output name chosen for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// Path to read.
    pub path: PathBuf,
    /// Output path relative to the output folder, without `.json`.
    pub out_name: PathBuf,
}

/// The inputs found for a list of command-line arguments.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Readable inputs, sorted by path.
    pub inputs: Vec<Input>,
    /// Arguments that do not exist.
    pub missing: Vec<Error>,
    /// Files under folders skipped for their extension.
    pub skipped: usize,
}

/// Expand files and folders (recursively) into inputs with unique output names.
///
/// A file named directly is taken whatever its extension; files under a
/// folder are taken when nhiemvu reads their format. Inputs under a folder
/// keep their sub-folders in the output name; where two inputs would still
/// share an output (`plan.pdf` beside `plan.txt`), both are named after the
/// whole file name (`plan.pdf`), and failing that after their full path.
pub fn discover(args: &[PathBuf]) -> Discovery {
    let mut found: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut discovery = Discovery::default();
    for arg in args {
        if arg.is_dir() {
            for entry in walkdir::WalkDir::new(arg)
                .sort_by_file_name()
                .into_iter()
                .flatten()
            {
                let path = entry.path();
                if !entry.file_type().is_file() {
                    continue;
                }
                if InputFormat::of(path).is_none() {
                    discovery.skipped += 1;
                    continue;
                }
                let rel = path.strip_prefix(arg).unwrap_or(path).to_path_buf();
                found.push((path.to_path_buf(), rel));
            }
        } else if arg.exists() {
            let rel = PathBuf::from(arg.file_name().unwrap_or(arg.as_os_str()));
            found.push((arg.clone(), rel));
        } else {
            discovery.missing.push(Error::Io {
                path: arg.clone(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or folder"),
            });
        }
    }
    found.sort();
    found.dedup_by(|a, b| a.0 == b.0);
    discovery.inputs = unique_output_names(found);
    discovery
}

fn unique_output_names(found: Vec<(PathBuf, PathBuf)>) -> Vec<Input> {
    let stem_name = |rel: &Path| rel.with_extension("");
    let mut counts: HashMap<PathBuf, usize> = HashMap::new();
    for (_, rel) in &found {
        *counts.entry(stem_name(rel)).or_default() += 1;
    }
    let mut named: Vec<Input> = found
        .into_iter()
        .map(|(path, rel)| {
            let out_name = if counts[&stem_name(&rel)] > 1 {
                rel
            } else {
                stem_name(&rel)
            };
            Input { path, out_name }
        })
        .collect();
    let mut seen: HashMap<PathBuf, usize> = HashMap::new();
    for input in &named {
        *seen.entry(input.out_name.clone()).or_default() += 1;
    }
    for input in &mut named {
        if seen[&input.out_name] > 1 {
            let flat: String = input
                .path
                .components()
                .filter_map(|c| match c {
                    std::path::Component::Normal(s) => s.to_str(),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join("__");
            input.out_name = PathBuf::from(flat);
        }
    }
    named
}

/// Which output files to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    /// One `<name>.json` per input.
    pub json: bool,
    /// `tasks.jsonl` with every task.
    pub jsonl: bool,
    /// `tasks.csv` with every task.
    pub csv: bool,
}

/// Settings of one batch run.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Folder the outputs go to.
    pub out_dir: PathBuf,
    /// Which outputs to write.
    pub formats: Formats,
    /// Start `tasks.csv` with a UTF-8 BOM.
    pub bom: bool,
}

/// What happened to one input.
#[derive(Debug)]
pub enum Outcome {
    /// Extracted: how many tasks and warnings, and the output written.
    Done {
        /// Number of tasks.
        tasks: usize,
        /// Number of warnings (document and task level).
        warnings: usize,
        /// Pages, where the input has pages.
        pages: Option<u32>,
    },
    /// The input failed; the batch went on.
    Failed(Error),
}

/// Totals of a batch run.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Inputs extracted without any warning.
    pub ok: usize,
    /// Inputs extracted with warnings.
    pub with_warnings: usize,
    /// Inputs that failed.
    pub failed: usize,
    /// Tasks found.
    pub tasks: usize,
    /// Pages read.
    pub pages: u64,
}

/// Process inputs in parallel; `report` is called in input order for each.
///
/// Per-input JSON files are written as soon as each input finishes; the
/// combined `tasks.jsonl`, `tasks.csv` and `errors.jsonl` are assembled in
/// input order and written atomically at the end.
pub fn run(
    inputs: &[Input],
    ctx: &Context,
    opts: &BatchOptions,
    mut report: impl FnMut(&Input, &Outcome),
) -> Result<Summary, Error> {
    let (tx, rx) = mpsc::channel::<(usize, Outcome, Option<(String, String)>)>();
    let mut summary = Summary::default();
    let mut jsonl = String::new();
    let mut csv = output::csv::header(opts.bom);
    let mut errors = String::new();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            inputs
                .par_iter()
                .enumerate()
                .for_each_with(tx, |tx, (i, input)| {
                    let (outcome, combined) = process_one(input, ctx, opts);
                    let _ = tx.send((i, outcome, combined));
                });
        });
        let mut pending: BTreeMap<usize, (Outcome, Option<(String, String)>)> = BTreeMap::new();
        let mut next = 0;
        for (i, outcome, combined) in rx {
            pending.insert(i, (outcome, combined));
            while let Some((outcome, combined)) = pending.remove(&next) {
                let input = &inputs[next];
                match &outcome {
                    Outcome::Done {
                        tasks,
                        warnings,
                        pages,
                    } => {
                        summary.tasks += tasks;
                        summary.pages += u64::from(pages.unwrap_or(0));
                        if *warnings > 0 {
                            summary.with_warnings += 1;
                        } else {
                            summary.ok += 1;
                        }
                    }
                    Outcome::Failed(err) => {
                        summary.failed += 1;
                        errors.push_str(&error_line(&input.path, err));
                    }
                }
                if let Some((lines, rows)) = combined {
                    jsonl.push_str(&lines);
                    csv.push_str(&rows);
                }
                report(input, &outcome);
                next += 1;
            }
        }
    });
    if opts.formats.jsonl {
        write_atomic(&opts.out_dir.join("tasks.jsonl"), jsonl.as_bytes())?;
    }
    if opts.formats.csv {
        write_atomic(&opts.out_dir.join("tasks.csv"), csv.as_bytes())?;
    }
    let errors_path = opts.out_dir.join("errors.jsonl");
    if summary.failed > 0 {
        write_atomic(&errors_path, errors.as_bytes())?;
    } else if errors_path.exists() {
        write_atomic(&errors_path, b"")?;
    }
    Ok(summary)
}

/// Extract one input, write its JSON, and return its combined-output lines.
fn process_one(
    input: &Input,
    ctx: &Context,
    opts: &BatchOptions,
) -> (Outcome, Option<(String, String)>) {
    let doc = match catch_panic(&input.path, || process_file(&input.path, ctx)) {
        Ok(doc) => doc,
        Err(err) => return (Outcome::Failed(err), None),
    };
    if opts.formats.json {
        let mut name = input.out_name.clone().into_os_string();
        name.push(".json");
        if let Err(err) = write_atomic(
            &opts.out_dir.join(name),
            output::document_json(&doc).as_bytes(),
        ) {
            return (Outcome::Failed(err), None);
        }
    }
    let outcome = Outcome::Done {
        tasks: doc.tasks.len(),
        warnings: doc.warnings.len() + doc.tasks.iter().map(|t| t.warnings.len()).sum::<usize>(),
        pages: doc.source.pages,
    };
    let combined = combined_lines(&doc, opts.formats);
    (outcome, Some(combined))
}

fn combined_lines(doc: &ExtractedDocument, formats: Formats) -> (String, String) {
    let lines = if formats.jsonl {
        output::jsonl::task_lines(doc)
    } else {
        String::new()
    };
    let rows = if formats.csv {
        output::csv::task_rows(doc)
    } else {
        String::new()
    };
    (lines, rows)
}

/// Run `f`, turning a panic deep in a dependency into an error for this file.
fn catch_panic<T>(path: &Path, f: impl FnOnce() -> Result<T, Error>) -> Result<T, Error> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        Err(Error::Malformed {
            path: path.to_path_buf(),
            page: None,
            message: format!("internal error: {what}"),
        })
    })
}

/// One `errors.jsonl` line.
pub fn error_line(path: &Path, err: &Error) -> String {
    let value = serde_json::json!({
        "path": path.display().to_string(),
        "code": err.code(),
        "message": err.to_string(),
        "page": err.page(),
    });
    format!("{value}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(found: &[(&str, &str)]) -> Vec<String> {
        let found = found
            .iter()
            .map(|(p, r)| (PathBuf::from(p), PathBuf::from(r)))
            .collect();
        unique_output_names(found)
            .into_iter()
            .map(|i| i.out_name.display().to_string())
            .collect()
    }

    #[test]
    fn output_names_never_collide() {
        assert_eq!(
            names(&[("d/a.txt", "a.txt"), ("d/b.txt", "b.txt")]),
            ["a", "b"]
        );
        assert_eq!(
            names(&[("d/plan.pdf", "plan.pdf"), ("d/plan.txt", "plan.txt")]),
            ["plan.pdf", "plan.txt"]
        );
        assert_eq!(names(&[("d/sub/a.txt", "sub/a.txt")]), ["sub/a"]);
        assert_eq!(
            names(&[("x/a.txt", "a.txt"), ("y/a.txt", "a.txt")]),
            ["x__a.txt", "y__a.txt"]
        );
    }
}
