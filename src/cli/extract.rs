//! `nhiemvu extract INPUT... [-o OUT_DIR] [--format json|jsonl|csv|all]`

use super::{EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE};
use crate::batch::{self, BatchOptions, Formats, Outcome};
use crate::extract::Context;
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use std::time::Instant;

/// Arguments of `nhiemvu extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or folders (searched recursively for .txt and .pdf files).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output folder.
    #[arg(short, long, default_value = "out")]
    output: PathBuf,
    /// Which outputs to write.
    #[arg(long, value_enum, default_value_t = Format::All)]
    format: Format,
    /// Write tasks.csv without the UTF-8 byte order mark.
    #[arg(long)]
    no_bom: bool,
    /// Extra unit abbreviations: a CSV or TSV file of `abbreviation,full name`.
    #[arg(long, value_name = "FILE")]
    units: Option<PathBuf>,
    /// Print only errors.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Jsonl,
    Csv,
    All,
}

impl Format {
    fn formats(self) -> Formats {
        let all = self == Format::All;
        Formats {
            json: all || self == Format::Json,
            jsonl: all || self == Format::Jsonl,
            csv: all || self == Format::Csv,
        }
    }
}

/// Run `nhiemvu extract`.
pub fn run(args: ExtractArgs) -> i32 {
    let started = Instant::now();
    let ctx = match Context::with_user_units(args.units.as_deref()) {
        Ok(ctx) => ctx,
        Err(err) => {
            eprintln!("nhiemvu: {err}");
            return EXIT_USAGE;
        }
    };
    let found = batch::discover(&args.inputs);
    for err in &found.missing {
        eprintln!("error: {err}");
    }
    let opts = BatchOptions {
        out_dir: args.output.clone(),
        formats: args.format.formats(),
        bom: !args.no_bom,
    };
    let quiet = args.quiet;
    let result = batch::run(&found.inputs, &ctx, &opts, |input, outcome| match outcome {
        Outcome::Done {
            tasks, warnings, ..
        } if !quiet => {
            eprintln!(
                "{}: {tasks} tasks, {warnings} warnings",
                input.path.display()
            );
        }
        Outcome::Failed(err) => eprintln!("error: {err}"),
        Outcome::Done { .. } => {}
    });
    let summary = match result {
        Ok(summary) => summary,
        Err(err) => {
            eprintln!("error: {err}");
            return EXIT_SOME_FAILED;
        }
    };
    let failed = summary.failed + found.missing.len();
    if !quiet {
        eprintln!(
            "{} files: {} ok, {} with warnings, {} failed; {} tasks; {} skipped; {:.2}s; output in {}",
            found.inputs.len() + found.missing.len(),
            summary.ok,
            summary.with_warnings,
            failed,
            summary.tasks,
            found.skipped,
            started.elapsed().as_secs_f64(),
            args.output.display()
        );
    }
    if failed > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    }
}
