//! Running many inputs: finding them ([`discover()`]), naming their outputs
//! so that no two collide, taking a deterministic slice ([`Shard`]),
//! processing them in parallel with bounded memory, recording each in a
//! manifest for `--resume`, and combining shard outputs ([`merge`]).
//!
//! Combined outputs (`tasks.jsonl`, `tasks.csv`, `errors.jsonl`) are
//! written in input-path order whatever the scheduling, as inputs finish,
//! through temporary files renamed at the end (see [`ordered`]).

mod discover;
pub mod manifest;
pub mod merge;
mod names;
mod ordered;
mod shard;
mod worker;

pub use discover::{discover, read_path_list, Discovery};
pub use shard::Shard;

use crate::error::Error;
use crate::extract::Context;
use crate::limits::Limits;
use manifest::Journal;
use ordered::{Combined, Window};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use worker::Finished;

/// Finished results each worker may run ahead of the writer.
const WINDOW_PER_JOB: usize = 8;

/// One input file and the output name chosen for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// Path to read.
    pub path: PathBuf,
    /// Output path relative to the output folder, without `.json`.
    pub out_name: PathBuf,
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
    /// Worker threads; 0 for one per core.
    pub jobs: usize,
    /// What one input may cost.
    pub limits: Limits,
    /// Skip inputs the manifest records as done with the same content and version.
    pub resume: bool,
}

/// What happened to one input.
#[derive(Debug)]
pub enum Outcome {
    /// Extracted (or taken from an earlier run when resuming).
    Done {
        /// Number of tasks.
        tasks: usize,
        /// Number of warnings (document and task level).
        warnings: usize,
        /// Pages, where the input has pages.
        pages: Option<u32>,
        /// Taken from an earlier run by `--resume`.
        resumed: bool,
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
    /// Inputs read (among the ok and with warnings) in which no task was found.
    pub without_tasks: usize,
    /// Inputs (among the ok and with warnings) taken from an earlier run.
    pub resumed: usize,
    /// Tasks found.
    pub tasks: usize,
    /// Pages read.
    pub pages: u64,
    /// Page images read by OCR during the run (none for resumed inputs).
    pub ocr_pages: usize,
}

impl Summary {
    /// Count one outcome.
    pub fn add(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Done {
                tasks,
                warnings,
                pages,
                resumed,
            } => {
                self.tasks += tasks;
                self.without_tasks += usize::from(*tasks == 0);
                self.pages += u64::from(pages.unwrap_or(0));
                self.resumed += usize::from(*resumed);
                if *warnings > 0 {
                    self.with_warnings += 1;
                } else {
                    self.ok += 1;
                }
            }
            Outcome::Failed(_) => self.failed += 1,
        }
    }

    /// Inputs settled so far.
    pub fn files(&self) -> usize {
        self.ok + self.with_warnings + self.failed
    }
}

/// Process inputs in parallel; `report` is called in input order for each.
///
/// Per-input JSON files are written as each input finishes; combined
/// outputs are streamed in input order with at most
/// `WINDOW_PER_JOB × jobs` finished results held in memory, and renamed
/// into place at the end. An error is returned only when an output cannot
/// be written; failed inputs are counted in the summary.
pub fn run(
    inputs: &[Input],
    ctx: &Context,
    opts: &BatchOptions,
    mut report: impl FnMut(&Input, &Outcome),
) -> Result<Summary, Error> {
    std::fs::create_dir_all(&opts.out_dir).map_err(|source| Error::Write {
        path: opts.out_dir.clone(),
        source,
    })?;
    remove_temporaries(&opts.out_dir);
    let previous = if opts.resume {
        manifest::read(&opts.out_dir)
    } else {
        HashMap::new()
    };
    let mut sinks = Sinks::create(opts)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs)
        .build()
        .map_err(|e| Error::Write {
            path: opts.out_dir.clone(),
            source: std::io::Error::other(format!("cannot start worker threads: {e}")),
        })?;
    let threads = pool.current_num_threads();
    let window = Window::new(WINDOW_PER_JOB * threads);
    let next = AtomicUsize::new(0);
    let ocr_before = crate::ocr::pages_read();
    let mut summary = Summary::default();
    let mut write_error = None;
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel::<(usize, Finished)>();
        let (window, next, previous) = (&window, &next, &previous);
        scope.spawn(move || {
            pool.scope(|s| {
                for _ in 0..threads {
                    let tx = tx.clone();
                    s.spawn(move |_| loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(input) = inputs.get(i) else { break };
                        window.wait_for(i);
                        let key = input.path.display().to_string();
                        let finished = worker::finish(input, ctx, opts, previous.get(&key));
                        if tx.send((i, finished)).is_err() {
                            break;
                        }
                    });
                }
            });
        });
        let mut pending: BTreeMap<usize, Finished> = BTreeMap::new();
        let mut written = 0;
        'receive: for (i, finished) in rx {
            pending.insert(i, finished);
            while let Some(finished) = pending.remove(&written) {
                let input = &inputs[written];
                if let Err(err) = sinks.write(input, &finished) {
                    write_error = Some(err);
                    window.advance(usize::MAX / 2);
                    break 'receive;
                }
                summary.add(&finished.outcome);
                report(input, &finished.outcome);
                written += 1;
                window.advance(written);
            }
        }
    });
    if let Some(err) = write_error {
        return Err(err);
    }
    sinks.finish(inputs)?;
    summary.ocr_pages = crate::ocr::pages_read().saturating_sub(ocr_before);
    Ok(summary)
}

/// The files every settled input is written to, in input order.
struct Sinks {
    jsonl: Option<Combined>,
    csv: Option<Combined>,
    errors: Combined,
    journal: Journal,
}

impl Sinks {
    fn create(opts: &BatchOptions) -> Result<Sinks, Error> {
        let dir = &opts.out_dir;
        let jsonl = opts
            .formats
            .jsonl
            .then(|| Combined::create(dir.join("tasks.jsonl"), ""))
            .transpose()?;
        let csv = opts
            .formats
            .csv
            .then(|| Combined::create(dir.join("tasks.csv"), &crate::output::csv::header(opts.bom)))
            .transpose()?;
        Ok(Sinks {
            jsonl,
            csv,
            errors: Combined::create(dir.join("errors.jsonl"), "")?,
            journal: Journal::open(dir, opts.resume)?,
        })
    }

    fn write(&mut self, input: &Input, finished: &Finished) -> Result<(), Error> {
        let (lines, rows) = &finished.combined;
        if let Some(jsonl) = &mut self.jsonl {
            jsonl.push(lines)?;
        }
        if let Some(csv) = &mut self.csv {
            csv.push(rows)?;
        }
        if let Outcome::Failed(err) = &finished.outcome {
            self.errors.push(&error_line(&input.path, err))?;
        }
        self.journal.append(&finished.entry)
    }

    fn finish(self, inputs: &[Input]) -> Result<(), Error> {
        for combined in [self.jsonl, self.csv, Some(self.errors)]
            .into_iter()
            .flatten()
        {
            combined.finish()?;
        }
        self.journal
            .finish(inputs.iter().map(|i| i.path.display().to_string()))
    }
}

/// Remove the temporary files (`.nhiemvu-*`) an interrupted run left in
/// `out_dir`. One run at a time may write to an output folder.
fn remove_temporaries(out_dir: &Path) {
    let stale = walkdir::WalkDir::new(out_dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".nhiemvu-"));
    for entry in stale {
        let _ = std::fs::remove_file(entry.path());
    }
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
