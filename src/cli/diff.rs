//! `nhiemvu diff OLD NEW [--json] [--units FILE]`

use super::{EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE};
use crate::compare::{diff_plans, load_or_extract};
use crate::extract::Context;
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `nhiemvu diff`.
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 both issues read (with or without changes), 1 an issue could not be read, 2 usage error."
)]
pub struct DiffArgs {
    /// The earlier issue: an input document, or extracted `.json`.
    old: PathBuf,
    /// The revised issue: an input document, or extracted `.json`.
    new: PathBuf,
    /// Print the diff as JSON (see schemas/diff.schema.json) instead of text.
    #[arg(long)]
    json: bool,
    /// Extra unit abbreviations: a CSV or TSV file of `abbreviation,full name`.
    #[arg(long, value_name = "FILE")]
    units: Option<PathBuf>,
}

/// Run `nhiemvu diff`: exit 0 when both issues were read (whatever the
/// differences), 1 when one could not be read.
pub fn run(args: DiffArgs) -> i32 {
    let ctx = match Context::with_user_units(args.units.as_deref()) {
        Ok(ctx) => ctx,
        Err(err) => {
            eprintln!("nhiemvu: {err}");
            return EXIT_USAGE;
        }
    };
    let (old, new) = match (
        load_or_extract(&args.old, &ctx),
        load_or_extract(&args.new, &ctx),
    ) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            for err in [old.err(), new.err()].into_iter().flatten() {
                eprintln!("error: {err}");
            }
            return EXIT_SOME_FAILED;
        }
    };
    let diff = diff_plans(&old, &new);
    let text = if args.json {
        match serde_json::to_string_pretty(&diff) {
            Ok(json) => json + "\n",
            Err(err) => {
                eprintln!("error: cannot serialize the diff: {err}");
                return EXIT_SOME_FAILED;
            }
        }
    } else {
        diff.to_string()
    };
    print_stdout(&text);
    EXIT_OK
}

/// Write to standard output; a closed pipe (`| head`) is not an error.
pub(super) fn print_stdout(text: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(err) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if err.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write to standard output: {err}");
        }
    }
}
