//! What `extract` tells the user while a batch runs: a progress bar on a
//! terminal (with the pages read by OCR so far, redrawn while a long scan
//! is read), plain log lines otherwise, per-file lines with `-v`, nothing
//! but errors with `-q`.

use crate::batch::{Input, Outcome, Summary};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// How much to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbosity {
    /// Errors only.
    Quiet,
    /// Progress and the summary.
    Normal,
    /// Also one line per file.
    Verbose,
}

/// Seconds between two plain progress lines when stderr is not a terminal.
const LOG_EVERY: Duration = Duration::from_secs(10);
/// How often the bar is redrawn between settled files (the count of pages
/// read by OCR grows meanwhile).
const REDRAW_EVERY: Duration = Duration::from_millis(250);

/// Progress of one batch run.
#[derive(Debug)]
pub struct Progress {
    verbosity: Verbosity,
    bar: Option<ProgressBar>,
    total: usize,
    totals: Summary,
    started: Instant,
    last_log: Instant,
    /// [`crate::ocr::pages_read`] when the run started.
    ocr_before: usize,
}

impl Progress {
    /// Start reporting on `total` inputs.
    pub fn new(total: usize, verbosity: Verbosity) -> Progress {
        let ocr_before = crate::ocr::pages_read();
        let bar = (verbosity != Verbosity::Quiet && std::io::stderr().is_terminal()).then(|| {
            let bar =
                ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template(
                "{bar:30} {pos}/{len} files  {msg}{ocr}  {per_sec}  ETA {eta}",
            )
            .map(|style| {
                style.with_key(
                    "ocr",
                    move |_: &ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = w.write_str(&ocr_note(ocr_pages_since(ocr_before)));
                    },
                )
            })
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.set_message(totals_message(&Summary::default()));
            bar.enable_steady_tick(REDRAW_EVERY);
            bar
        });
        Progress {
            verbosity,
            bar,
            total,
            totals: Summary::default(),
            started: Instant::now(),
            last_log: Instant::now(),
            ocr_before,
        }
    }

    /// Report one settled input.
    pub fn settled(&mut self, input: &Input, outcome: &Outcome) {
        self.totals.add(outcome);
        match outcome {
            Outcome::Failed(err) => self.line(&format!("error: {err}")),
            Outcome::Done {
                tasks,
                warnings,
                resumed,
                ..
            } if self.verbosity == Verbosity::Verbose => {
                let how = if *resumed {
                    " (unchanged, resumed)"
                } else {
                    ""
                };
                self.line(&format!(
                    "{}: {tasks} tasks, {warnings} warnings{how}",
                    input.path.display()
                ));
            }
            Outcome::Done { .. } => {}
        }
        let done = self.totals.files();
        if let Some(bar) = &self.bar {
            bar.set_position(done as u64);
            bar.set_message(totals_message(&self.totals));
        } else if self.verbosity == Verbosity::Normal && self.last_log.elapsed() >= LOG_EVERY {
            self.last_log = Instant::now();
            eprintln!("progress: {}", self.status(done));
        }
    }

    /// Clear the bar.
    pub fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }

    fn line(&self, text: &str) {
        match &self.bar {
            Some(bar) => bar.println(text),
            None => eprintln!("{text}"),
        }
    }

    fn status(&self, done: usize) -> String {
        let secs = self.started.elapsed().as_secs_f64().max(1e-9);
        let rate = done as f64 / secs;
        let eta = if rate > 0.0 {
            format!("{:.0}s", (self.total - done) as f64 / rate)
        } else {
            "?".into()
        };
        format!(
            "{done}/{} files, {} tasks, {} failed{}, {rate:.1} files/s, ETA {eta}",
            self.total,
            self.totals.tasks,
            self.totals.failed,
            ocr_note(ocr_pages_since(self.ocr_before))
        )
    }
}

/// The bar's message: tasks found and inputs failed so far.
fn totals_message(totals: &Summary) -> String {
    format!("{} tasks, {} failed", totals.tasks, totals.failed)
}

/// Pages read by OCR since [`crate::ocr::pages_read`] was `before`.
fn ocr_pages_since(before: usize) -> usize {
    crate::ocr::pages_read().saturating_sub(before)
}

/// `", 34 pages OCR'd"`, or nothing before the first page read by OCR.
pub fn ocr_note(pages: usize) -> String {
    match pages {
        0 => String::new(),
        1 => ", 1 page OCR'd".into(),
        n => format!(", {n} pages OCR'd"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ocr_note_counts_pages_once_there_are_any() {
        assert_eq!(ocr_note(0), "");
        assert_eq!(ocr_note(1), ", 1 page OCR'd");
        assert_eq!(ocr_note(34), ", 34 pages OCR'd");
    }
}
