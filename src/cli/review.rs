//! `nhiemvu review INPUT... -o DIR`: one self-contained HTML review page
//! per document (`DIR/<name>.html`), for a person checking the tasks
//! before they are loaded.

use super::{EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE};
use crate::batch::discover;
use crate::error::Error;
use crate::extract::Context;
use crate::limits::Limits;
use crate::review;
use clap::Args;
use std::path::PathBuf;

/// Arguments of `nhiemvu review`.
#[derive(Debug, Args)]
#[command(after_help = "\
Inputs: files, folders (searched recursively for .txt, .pdf, .docx) and quoted glob patterns. \
Each input gives DIR/<name>.html: the document as read (PDF pages drawn from their words, \
rulings and table cells; Word and text tables and paragraphs) with every task outlined and \
numbered, beside the task records; warnings, empty fields and the row accounting at the top. \
Keys: j/k or arrows move task by task, w jumps to the next task needing a look.

Exit codes: 0 every input was read, 1 some input failed (the others were still written), \
2 usage error.")]
pub struct ReviewArgs {
    /// Files, folders or quoted glob patterns.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output folder for the HTML pages.
    #[arg(short, long)]
    output: PathBuf,
    /// Extra unit abbreviations: a CSV or TSV file of `abbreviation,full name`.
    #[arg(long, value_name = "FILE")]
    units: Option<PathBuf>,
}

/// Run `nhiemvu review`.
pub fn run(args: ReviewArgs) -> i32 {
    let ctx = match Context::with_user_units(args.units.as_deref()) {
        Ok(ctx) => ctx,
        Err(err) => {
            eprintln!("error: {err}");
            return EXIT_USAGE;
        }
    };
    let found = discover(&args.inputs);
    for pattern in &found.unmatched_patterns {
        eprintln!("warning: no input matches {pattern}");
    }
    if found.inputs.is_empty() {
        eprintln!("error: no inputs found");
        return EXIT_USAGE;
    }
    let limits = Limits::default();
    let mut failed = false;
    for input in &found.inputs {
        let mut name = input.out_name.clone().into_os_string();
        name.push(".html");
        let target = args.output.join(name);
        let written = review::review_file(&input.path, &ctx, &limits).and_then(|r| {
            if let Some(dir) = target.parent() {
                std::fs::create_dir_all(dir).map_err(|source| Error::Write {
                    path: dir.to_path_buf(),
                    source,
                })?;
            }
            crate::output::write_atomic(&target, review::render(&r).as_bytes())?;
            Ok(r.doc.tasks.len())
        });
        match written {
            Ok(n) => eprintln!("{}: {n} tasks → {}", input.path.display(), target.display()),
            Err(err) => {
                eprintln!("error: {err}");
                failed = true;
            }
        }
    }
    if failed {
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    }
}
