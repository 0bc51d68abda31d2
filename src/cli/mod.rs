//! The command line: one file per subcommand.
//!
//! Exit codes: 0 when every input succeeded, 1 when some input failed,
//! 2 for a usage error.

mod check;
mod diff;
mod extract;
mod load;
mod merge;
mod normalize;
mod progress;
mod review;
mod tables;
mod text;

use clap::{Parser, Subcommand};

/// Exit code when every input succeeded.
pub const EXIT_OK: i32 = 0;
/// Exit code when some input failed (the others were still processed).
pub const EXIT_SOME_FAILED: i32 = 1;
/// Exit code for a usage error.
pub const EXIT_USAGE: i32 = 2;

/// Turn Vietnamese government documents into structured task records.
#[derive(Debug, Parser)]
#[command(name = "nhiemvu", version, about, long_about = None,
    after_help = "Exit codes: 0 every input succeeded, 1 some input failed, 2 usage error.")]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract task records from documents into JSON, JSON Lines and CSV.
    Extract(extract::ExtractArgs),
    /// Combine the output folders of `extract --shard K/N` runs into one.
    Merge(merge::MergeArgs),
    /// Compare outputs with blessed expected outputs in a folder (regression check).
    Check(check::CheckArgs),
    /// Show what changed between two issues of a plan.
    Diff(diff::DiffArgs),
    /// Load extracted documents into a tracker database (SQLite or PostgreSQL).
    Load(load::LoadArgs),
    /// Print a text normalized: legacy encodings decoded, Unicode cleaned.
    Normalize(normalize::NormalizeArgs),
    /// Write one self-contained HTML review page per document: the pages as
    /// read with every task outlined, beside the task records.
    Review(review::ReviewArgs),
    /// Write every table of a PDF, Word file or layout text as CSV.
    Tables(tables::TablesArgs),
    /// Print a document's normalized text in reading order.
    Text(text::TextArgs),
}

/// Parse the arguments, run the subcommand and return the exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() {
                EXIT_USAGE
            } else {
                EXIT_OK
            };
        }
    };
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Check(args) => check::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Load(args) => load::run(args),
        Command::Normalize(args) => normalize::run(args),
        Command::Review(args) => review::run(args),
        Command::Tables(args) => tables::run(args),
        Command::Text(args) => text::run(args),
    }
}

/// Read one input through its front end (warnings go to stderr).
/// Run `work` on every input, printing errors and going on; the exit code
/// says whether any input failed.
fn for_each_input(
    inputs: &[std::path::PathBuf],
    mut work: impl FnMut(&std::path::Path) -> crate::error::Result<()>,
) -> i32 {
    let mut failed = false;
    for input in inputs {
        if let Err(err) = work(input) {
            eprintln!("error: {err}");
            failed = true;
        }
    }
    if failed {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    }
}

fn read_input(
    path: &std::path::Path,
    limits: &crate::limits::Limits,
) -> crate::error::Result<crate::source_doc::SourceDoc> {
    let bytes = crate::pipeline::read_input(path, limits)?;
    let doc = crate::pipeline::read_source_limited(path, &bytes, limits)?;
    for w in &doc.warnings {
        eprintln!("warning: {}: {}", path.display(), w.message);
    }
    Ok(doc)
}
