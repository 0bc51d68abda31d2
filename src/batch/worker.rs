//! One input on a worker thread: reuse its previous result when resuming,
//! else read, extract and write its JSON, with panics and limits turned
//! into errors for that input.

use super::manifest::{file_stamp, Entry, TOOL_VERSION};
use super::{BatchOptions, Formats, Input, Outcome};
use crate::error::Error;
use crate::extract::Context;
use crate::model::ExtractedDocument;
use crate::output;
use crate::pipeline::{process_bytes, read_input, sha256_hex};
use std::path::{Path, PathBuf};

/// What a worker hands back for one input.
#[derive(Debug)]
pub struct Finished {
    /// What happened.
    pub outcome: Outcome,
    /// Its `tasks.jsonl` lines and `tasks.csv` rows.
    pub combined: (String, String),
    /// Its manifest line.
    pub entry: Entry,
}

/// Process one input; `previous` is its manifest entry when resuming.
pub fn finish(
    input: &Input,
    ctx: &Context,
    opts: &BatchOptions,
    previous: Option<&Entry>,
) -> Finished {
    let (size, mtime) = file_stamp(&input.path);
    let mut entry = Entry {
        path: input.path.display().to_string(),
        size,
        mtime,
        sha256: None,
        version: TOOL_VERSION.to_string(),
        outcome: "failed".into(),
        tasks: 0,
        pages: None,
        error: None,
    };
    let result = catch_panic(&input.path, || {
        let bytes = read_input(&input.path, &opts.limits)?;
        let sha = sha256_hex(&bytes);
        entry.sha256 = Some(sha.clone());
        let reused = previous
            .filter(|p| p.is_done_for(bytes.len() as u64, &sha))
            .and_then(|_| previous_document(&json_path(input, opts), opts.formats));
        if let Some(doc) = reused {
            return Ok((doc, true));
        }
        let doc = process_bytes(&input.path, &bytes, ctx, &opts.limits)?;
        if opts.formats.json {
            output::write_document_json(&json_path(input, opts), &doc)?;
        }
        Ok((doc, false))
    });
    match result {
        Ok((doc, resumed)) => {
            let warnings =
                doc.warnings.len() + doc.tasks.iter().map(|t| t.warnings.len()).sum::<usize>();
            entry.outcome = if warnings > 0 { "warnings" } else { "ok" }.into();
            entry.tasks = doc.tasks.len();
            entry.pages = doc.source.pages;
            Finished {
                outcome: Outcome::Done {
                    tasks: doc.tasks.len(),
                    warnings,
                    pages: doc.source.pages,
                    resumed,
                },
                combined: combined_lines(&doc, opts.formats),
                entry,
            }
        }
        Err(err) => {
            if opts.formats.json {
                // A JSON left by an earlier run would no longer describe the input.
                let _ = std::fs::remove_file(json_path(input, opts));
            }
            entry.error = Some(err.code().to_string());
            Finished {
                outcome: Outcome::Failed(err),
                combined: (String::new(), String::new()),
                entry,
            }
        }
    }
}

/// Where the per-input JSON of `input` goes.
fn json_path(input: &Input, opts: &BatchOptions) -> PathBuf {
    let mut name = input.out_name.clone().into_os_string();
    name.push(".json");
    opts.out_dir.join(name)
}

/// The document written by an earlier run, when JSON output is on and the
/// file is there and whole.
fn previous_document(path: &Path, formats: Formats) -> Option<ExtractedDocument> {
    if !formats.json {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    serde_json::from_str(&text).ok()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_naming_the_file() {
        let result: Result<(), Error> = catch_panic(Path::new("deep/plan.pdf"), || {
            panic!("index out of bounds in a dependency")
        });
        let err = result.expect_err("the panic is caught");
        assert_eq!(err.code(), "malformed");
        let message = err.to_string();
        assert!(message.starts_with("deep/plan.pdf: "), "{message}");
        assert!(message.contains("index out of bounds"), "{message}");
    }
}
