//! `nhiemvu extract INPUT... [-o OUT_DIR] [--format json|jsonl|csv|all]`
//! with the batch options: `--files-from`, `--jobs`, `--resume`,
//! `--shard`, limits and verbosity.

use super::progress::{Progress, Verbosity};
use super::{EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE};
use crate::batch::{self, BatchOptions, Formats, Shard, Summary};
use crate::extract::Context;
use crate::limits::Limits;
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use std::time::Instant;

/// Arguments of `nhiemvu extract`.
#[derive(Debug, Args)]
#[command(after_help = "\
Inputs: files (any extension), folders (searched recursively for .txt, .pdf, .docx; \
hidden files, Word lock files ~$x.docx and temporary files are skipped) and glob \
patterns such as 'archive/**/*.pdf' (quote them).

Outputs in OUT_DIR: <name>.json per input, tasks.jsonl, tasks.csv (in input-path order), \
errors.jsonl (path, code, message, page of each failed input) and manifest.jsonl \
(path, size, mtime, sha256, version, outcome of each input).

A readable input without tasks still gets its <name>.json (metadata, zero tasks, a \
no_tasks warning); errors.jsonl holds only inputs that could not be read.

Exit codes: 0 every input was read (even if some hold no tasks), 1 some input failed \
(the others were still processed), 2 usage error.")]
pub struct ExtractArgs {
    /// Files, folders or quoted glob patterns.
    #[arg(required_unless_present = "files_from")]
    inputs: Vec<PathBuf>,
    /// Also read input paths from FILE, one a line (`-` for standard input).
    #[arg(long, value_name = "FILE")]
    files_from: Option<PathBuf>,
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
    /// Worker threads (default: one per core).
    #[arg(
        short,
        long,
        value_name = "N",
        default_value_t = 0,
        hide_default_value = true
    )]
    jobs: usize,
    /// Skip inputs that manifest.jsonl records as done with the same content
    /// and nhiemvu version (their earlier tasks are still in the combined outputs).
    #[arg(long)]
    resume: bool,
    /// Process only the K-th of N deterministic slices of the inputs (by a
    /// hash of each path); combine the slices with `nhiemvu merge`.
    #[arg(long, value_name = "K/N")]
    shard: Option<Shard>,
    /// Refuse PDFs with more pages than this.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_pages)]
    max_pages: u32,
    /// Refuse files larger than this (bytes, or with K, M, G).
    #[arg(long, value_name = "SIZE", default_value = "256M", value_parser = parse_size)]
    max_file_size: u64,
    /// Refuse PDFs whose streams decompress to more than this (bytes, or with K, M, G).
    #[arg(long, value_name = "SIZE", default_value = "512M", value_parser = parse_size)]
    max_decompressed: u64,
    /// OCR PDF pages: `auto` those without a usable text layer (scans),
    /// `never`, or `always` every page that is mostly one image (needs
    /// tesseract with its Vietnamese model).
    #[arg(long, value_enum, value_name = "WHEN", default_value = "auto")]
    ocr: crate::ocr::OcrMode,
    /// Print only errors.
    #[arg(short, long, conflicts_with = "verbose")]
    quiet: bool,
    /// Print one line per file.
    #[arg(short, long)]
    verbose: bool,
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

/// A byte count such as `1048576`, `512K`, `100M` or `2G`.
fn parse_size(text: &str) -> Result<u64, String> {
    let upper = text.trim().to_ascii_uppercase();
    let digits = upper.trim_end_matches(['B', 'I']);
    let (number, shift) = match digits.chars().last() {
        Some('K') => (&digits[..digits.len() - 1], 10),
        Some('M') => (&digits[..digits.len() - 1], 20),
        Some('G') => (&digits[..digits.len() - 1], 30),
        _ => (digits, 0),
    };
    number
        .trim()
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1u64 << shift))
        .ok_or_else(|| format!("expected a size such as 1048576, 512K, 100M or 2G, got {text:?}"))
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
    let mut paths = args.inputs.clone();
    if let Some(list) = &args.files_from {
        match batch::read_path_list(list) {
            Ok(listed) => paths.extend(listed),
            Err(err) => {
                eprintln!(
                    "nhiemvu: {}: cannot read the list of inputs: {err}",
                    list.display()
                );
                return EXIT_USAGE;
            }
        }
    }
    let mut found = batch::discover(&paths);
    for pattern in &found.unmatched_patterns {
        eprintln!("warning: no input matches {pattern}");
    }
    if found.inputs.is_empty() {
        eprintln!("nhiemvu: no inputs found");
        return EXIT_USAGE;
    }
    if let Some(shard) = args.shard {
        found.inputs.retain(|i| shard.contains(&i.path));
    }
    let opts = BatchOptions {
        out_dir: args.output.clone(),
        formats: args.format.formats(),
        bom: !args.no_bom,
        jobs: args.jobs,
        limits: Limits {
            max_file_size: args.max_file_size,
            max_pages: args.max_pages,
            max_decompressed_bytes: usize::try_from(args.max_decompressed).unwrap_or(usize::MAX),
            ocr: args.ocr,
        },
        resume: args.resume,
    };
    let verbosity = match (args.quiet, args.verbose) {
        (true, _) => Verbosity::Quiet,
        (_, true) => Verbosity::Verbose,
        _ => Verbosity::Normal,
    };
    let mut progress = Progress::new(found.inputs.len(), verbosity);
    let result = batch::run(&found.inputs, &ctx, &opts, |input, outcome| {
        progress.settled(input, outcome)
    });
    progress.finish();
    let summary = match result {
        Ok(summary) => summary,
        Err(err) => {
            eprintln!("error: {err}");
            return EXIT_SOME_FAILED;
        }
    };
    if verbosity != Verbosity::Quiet {
        eprintln!("{}", summary_line(&summary, &found, started, &args));
    }
    // A document without tasks was read: only unreadable inputs fail the run.
    if summary.failed > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    }
}

fn summary_line(
    summary: &Summary,
    found: &batch::Discovery,
    started: Instant,
    args: &ExtractArgs,
) -> String {
    let secs = started.elapsed().as_secs_f64();
    format!(
        "{} files: {} ok, {} with warnings, {} failed ({} unchanged, resumed); {} tasks \
         ({} files without tasks); {} pages{}; skipped {} unknown extension, {} temporary; \
         {secs:.2}s, {:.1} pages/s; output in {}",
        summary.files(),
        summary.ok,
        summary.with_warnings,
        summary.failed,
        summary.resumed,
        summary.tasks,
        summary.without_tasks,
        summary.pages,
        super::progress::ocr_note(summary.ocr_pages),
        found.skipped_unknown,
        found.skipped_temporary,
        summary.pages as f64 / secs.max(1e-9),
        args.output.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_take_binary_suffixes() {
        assert_eq!(parse_size("1048576"), Ok(1 << 20));
        assert_eq!(parse_size("512K"), Ok(512 << 10));
        assert_eq!(parse_size("100m"), Ok(100 << 20));
        assert_eq!(parse_size("2GiB"), Ok(2 << 30));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("99999999999G").is_err());
    }
}
