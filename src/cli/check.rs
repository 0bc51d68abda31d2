//! `nhiemvu check DIR [--bless] [--json FILE] [--units FILE]`

use super::diff::print_stdout;
use super::{EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE};
use crate::compare::report::FieldTally;
use crate::compare::suite::{self, bless_case, check_case, Blessed, CheckReport, Status};
use crate::extract::Context;
use crate::output::write_atomic;
use clap::Args;
use std::path::{Path, PathBuf};

/// Arguments of `nhiemvu check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Folder searched recursively for inputs with `<stem>.expected.json`
    /// (or `<file name>.expected.json`) beside them.
    dir: PathBuf,
    /// Write or update the expected outputs from the current output.
    #[arg(long)]
    bless: bool,
    /// Also write the report as JSON to FILE (for CI).
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Extra unit abbreviations: a CSV or TSV file of `abbreviation,full name`.
    #[arg(long, value_name = "FILE")]
    units: Option<PathBuf>,
}

/// Run `nhiemvu check`.
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
    let found = match suite::discover(&args.dir) {
        Ok(found) => found,
        Err(err) => {
            eprintln!("error: {err}");
            return EXIT_SOME_FAILED;
        }
    };
    for orphan in &found.orphans {
        eprintln!(
            "warning: {}: expected output with no input beside it",
            orphan.display()
        );
    }
    if args.bless {
        bless(&found.cases, &ctx)
    } else {
        check(&found, &ctx, args.json.as_deref())
    }
}

/// Compare every input with its expected output and print the report.
fn check(found: &suite::Discovery, ctx: &Context, json: Option<&Path>) -> i32 {
    let results = found
        .cases
        .iter()
        .map(|case| check_case(case, ctx))
        .collect();
    let report = CheckReport::new(results, &found.orphans);
    let mut out = String::new();
    for file in &report.files {
        out += &match file.status {
            Status::Clean => format!("ok {}\n", file.input),
            Status::NoExpected => format!(
                "skip {}: no expected output (create {} with --bless)\n",
                file.input, file.expected
            ),
            Status::Failed => format!(
                "FAIL {}: {}\n",
                file.input,
                file.error.as_deref().unwrap_or("error")
            ),
            Status::Differs => format!("DIFF {} (expected {}):\n", file.input, file.expected),
        };
        if let Some(r) = &file.report {
            if file.status == Status::Differs {
                out += &indent(&r.to_string());
            } else {
                for w in &r.warnings {
                    out += &format!("  warning: {w}\n");
                }
            }
        }
    }
    out += &totals(&report);
    print_stdout(&out);
    if let Some(path) = json {
        let written = serde_json::to_string_pretty(&report)
            .map_err(|e| e.to_string())
            .and_then(|s| write_atomic(path, (s + "\n").as_bytes()).map_err(|e| e.to_string()));
        if let Err(err) = written {
            eprintln!("error: {}: cannot write report: {err}", path.display());
            return EXIT_SOME_FAILED;
        }
    }
    if report.is_clean() {
        EXIT_OK
    } else {
        EXIT_SOME_FAILED
    }
}

/// Totals and per-field accuracy, for people.
fn totals(report: &CheckReport) -> String {
    let t = &report.totals;
    let mut out = format!(
        "\n{} files: {} ok, {} differ, {} failed, {} without expected output\n",
        t.files, t.clean, t.differing, t.failed, t.without_expected
    );
    if t.fields.is_empty() {
        return out;
    }
    out += &format!(
        "tasks: {} expected, {} found, {} matched, {} missing, {} unexpected\n",
        t.tasks_expected, t.tasks_found, t.tasks_matched, t.missing, t.unexpected
    );
    out += "field accuracy (matched and equal / expected):\n";
    for FieldTally {
        field,
        expected,
        equal,
    } in &t.fields
    {
        let percent = if *expected == 0 {
            "-".to_string()
        } else {
            format!("{:.1}%", 100.0 * *equal as f64 / *expected as f64)
        };
        out += &format!("  {field:<28} {equal:>5}/{expected:<5} {percent:>7}\n");
    }
    out
}

/// Write expected outputs from the current output, saying what changed.
fn bless(cases: &[suite::Case], ctx: &Context) -> i32 {
    let mut failed = 0;
    for case in cases {
        let path = case.expected.display();
        match bless_case(case, ctx) {
            Ok(Blessed::Created(tasks)) => {
                print_stdout(&format!("created {path} ({tasks} tasks)\n"))
            }
            Ok(Blessed::Unchanged) => print_stdout(&format!("unchanged {path}\n")),
            Ok(Blessed::Replaced(why)) => {
                print_stdout(&format!("replaced {path} (was unreadable: {why})\n"))
            }
            Ok(Blessed::Updated(report)) if report.is_clean() => {
                let mut out =
                    format!("updated {path}: no field changed (source information refreshed)\n");
                for w in &report.warnings {
                    out += &format!("  note: {w}\n");
                }
                print_stdout(&out);
            }
            Ok(Blessed::Updated(report)) => print_stdout(&format!(
                "updated {path}: {} differences accepted:\n{}",
                report.difference_count(),
                indent(&report.to_string())
            )),
            Err(err) => {
                failed += 1;
                eprintln!("error: {err}");
            }
        }
    }
    if failed > 0 {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    }
}

/// Indent every line by two spaces.
fn indent(text: &str) -> String {
    text.lines().map(|l| format!("  {l}\n")).collect()
}
