//! `nhiemvu check DIR [--bless] [--json FILE] [--units FILE]`

use super::diff::print_stdout;
use super::{EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE};
use crate::compare::bless::{bless_case, Blessed};
use crate::compare::suite;
use crate::extract::Context;
use crate::output::write_atomic;
use clap::Args;
use std::path::{Path, PathBuf};

/// Arguments of `nhiemvu check`.
#[derive(Debug, Args)]
#[command(
    after_help = "Exit codes: 0 no difference (or all blessed), 1 some difference or failure, 2 usage error."
)]
pub struct CheckArgs {
    /// Folder searched recursively for inputs with `<stem>.expected.json`
    /// (or `<file name>.expected.json`) beside them.
    dir: PathBuf,
    /// Write or update the expected outputs from the current output.
    #[arg(long)]
    bless: bool,
    /// Also write the report as JSON to FILE (for CI).
    #[arg(long, value_name = "FILE", conflicts_with = "bless")]
    json: Option<PathBuf>,
    /// Extra unit abbreviations: a CSV or TSV file of `abbreviation,full name`.
    #[arg(long, value_name = "FILE")]
    units: Option<PathBuf>,
}

/// Run `nhiemvu check`: exit 0 when every input with an expected output
/// matches it (or, with `--bless`, when every expected output was written),
/// 1 on any difference or failure, 2 for a usage error.
pub fn run(args: CheckArgs) -> i32 {
    let ctx = match Context::with_user_units(args.units.as_deref()) {
        Ok(ctx) => ctx,
        Err(err) => {
            eprintln!("nhiemvu: {err}");
            return EXIT_USAGE;
        }
    };
    if !args.dir.is_dir() {
        eprintln!("nhiemvu: {}: not a folder", args.dir.display());
        return EXIT_USAGE;
    }
    if args.bless {
        bless(&args.dir, &ctx)
    } else {
        check(&args.dir, &ctx, args.json.as_deref())
    }
}

/// Warn about an expected output that belongs to no input.
fn warn_orphan(path: &dyn std::fmt::Display) {
    eprintln!("warning: {path}: expected output with no input beside it");
}

/// Compare every input with its expected output and print the report.
fn check(dir: &Path, ctx: &Context, json: Option<&Path>) -> i32 {
    let report = match suite::check_dir(dir, ctx) {
        Ok(report) => report,
        Err(err) => {
            eprintln!("error: {err}");
            return EXIT_SOME_FAILED;
        }
    };
    for orphan in &report.orphans {
        warn_orphan(orphan);
    }
    print_stdout(&report.to_string());
    if let Some(path) = json {
        let written = match serde_json::to_string_pretty(&report) {
            Ok(s) => write_atomic(path, (s + "\n").as_bytes()).map_err(|e| e.to_string()),
            Err(e) => Err(format!(
                "{}: cannot serialize the report: {e}",
                path.display()
            )),
        };
        if let Err(err) = written {
            eprintln!("error: {err}");
            return EXIT_SOME_FAILED;
        }
    }
    if report.is_clean() {
        EXIT_OK
    } else {
        EXIT_SOME_FAILED
    }
}

/// Write expected outputs from the current output, saying what changed.
fn bless(dir: &Path, ctx: &Context) -> i32 {
    let found = match suite::discover(dir) {
        Ok(found) => found,
        Err(err) => {
            eprintln!("error: {err}");
            return EXIT_SOME_FAILED;
        }
    };
    for orphan in &found.orphans {
        warn_orphan(&orphan.display());
    }
    let mut failed = 0;
    for case in &found.cases {
        let path = case.expected.display();
        let text = match bless_case(case, ctx) {
            Ok(Blessed::Created(tasks)) => format!("created {path} ({tasks} tasks)\n"),
            Ok(Blessed::Unchanged) => format!("unchanged {path}\n"),
            Ok(Blessed::Replaced(why)) => format!("replaced {path} (was unreadable: {why})\n"),
            Ok(Blessed::Updated(report)) if report.is_clean() => {
                let mut out =
                    format!("updated {path}: no field changed (source information refreshed)\n");
                for w in &report.warnings {
                    out += &format!("  note: {w}\n");
                }
                out
            }
            Ok(Blessed::Updated(report)) => {
                let mut out = format!(
                    "updated {path}: {} differences accepted:\n",
                    report.difference_count()
                );
                for line in report.to_string().lines() {
                    out += &format!("  {line}\n");
                }
                out
            }
            Err(err) => {
                failed += 1;
                eprintln!("error: {err}");
                continue;
            }
        };
        print_stdout(&text);
    }
    if failed > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    }
}
