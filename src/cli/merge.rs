//! `nhiemvu merge OUT1 OUT2 ... -o OUT`: combine the output folders of
//! shard runs into one, as a single run over all inputs would have written it.

use super::{EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE};
use crate::batch::merge::merge;
use crate::error::Error;
use clap::Args;
use std::path::PathBuf;

/// Arguments of `nhiemvu merge`.
#[derive(Debug, Args)]
#[command(after_help = "\
tasks.jsonl, tasks.csv, errors.jsonl and manifest.jsonl are merged in input-path order; \
per-input JSON files are copied.

Exit codes: 0 merged, 1 an output could not be read or written, 2 usage error.")]
pub struct MergeArgs {
    /// Output folders of `nhiemvu extract --shard K/N` runs.
    #[arg(required = true)]
    folders: Vec<PathBuf>,
    /// Folder to write the merged outputs to.
    #[arg(short, long)]
    output: PathBuf,
    /// Print nothing but errors.
    #[arg(short, long)]
    quiet: bool,
}

/// Run `nhiemvu merge`.
pub fn run(args: MergeArgs) -> i32 {
    match merge(&args.folders, &args.output) {
        Ok(summary) => {
            if !args.quiet {
                eprintln!(
                    "merged {} folders: {} tasks, {} errors, {} documents; output in {}",
                    summary.folders,
                    summary.tasks,
                    summary.errors,
                    summary.documents,
                    args.output.display()
                );
            }
            EXIT_OK
        }
        Err(err @ Error::Io { .. }) => {
            eprintln!("nhiemvu: {err}");
            EXIT_USAGE
        }
        Err(err) => {
            eprintln!("error: {err}");
            EXIT_SOME_FAILED
        }
    }
}
