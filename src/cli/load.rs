//! `nhiemvu load OUT_DIR... --db URL [--revises NUMBER | --new-plan]`

use super::diff::print_stdout;
use super::{EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE};
use crate::compare::load_document;
use crate::load::{self, Counts, LoadError, Options, Outcome};
use crate::model::ExtractedDocument;
use clap::Args;
use std::path::{Path, PathBuf};

/// Arguments of `nhiemvu load`.
#[derive(Debug, Args)]
#[command(after_help = "\
Reads the <name>.json documents that `nhiemvu extract` wrote (folders are searched \
recursively) and upserts their tasks by task id, one transaction per document: a \
document that fails leaves the database as it was. Documents are loaded in order of \
their date, then path.

A document already loaded (same source SHA-256, or same number and issuer) is compared \
with what is stored: loading twice changes nothing. A revised issue has a new number; \
say which plan it revises with --revises NUMBER (the number of any loaded issue of the \
plan): tasks are then paired as `nhiemvu diff` pairs them, changed ones are updated, \
missing ones marked withdrawn, and every change recorded.

Exit codes: 0 every document loaded, 1 some document failed (the others were still \
loaded), 2 usage error.")]
pub struct LoadArgs {
    /// Output folders of `nhiemvu extract`, or document `.json` files.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// The tracker database: `sqlite:PATH` or a plain path (SQLite, created
    /// when absent), or `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`.
    #[arg(long, value_name = "URL")]
    db: String,
    /// The documents are revised issues of the plan holding the loaded
    /// issue numbered NUMBER.
    #[arg(long, value_name = "NUMBER")]
    revises: Option<String>,
    /// Load new documents as plans of their own even when a loaded plan
    /// has the same issuer and title.
    #[arg(long, conflicts_with = "revises")]
    new_plan: bool,
}

/// The document `.json` files of the inputs, each folder's in path order.
fn document_files(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for input in inputs {
        if !input.is_dir() {
            files.push(input.clone());
            continue;
        }
        let found = walkdir::WalkDir::new(input)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(walkdir::DirEntry::into_path)
            .filter(|p| p.extension().is_some_and(|e| e == "json"));
        files.extend(found);
    }
    files
}

/// One summary line of a loaded document.
fn summary(file: &Path, plan: &str, c: &Counts) -> String {
    let changes = match c.changes {
        0 => "no change".to_string(),
        1 => "1 change recorded".to_string(),
        n => format!("{n} changes recorded"),
    };
    let renumbered = match c.renumbered {
        0 => String::new(),
        n => format!(" ({n} renumbered)"),
    };
    format!(
        "{}: plan {plan}: {} inserted, {} updated, {} withdrawn, {} unchanged{renumbered}; {changes}\n",
        file.display(),
        c.inserted,
        c.updated,
        c.withdrawn,
        c.unchanged
    )
}

/// Run `nhiemvu load`.
pub fn run(args: LoadArgs) -> i32 {
    let files = document_files(&args.inputs);
    if files.is_empty() {
        eprintln!("nhiemvu: no .json documents found in the inputs");
        return EXIT_USAGE;
    }
    let total = files.len();
    let mut failed = 0;
    let mut docs: Vec<(PathBuf, ExtractedDocument)> = Vec::new();
    for file in files {
        match load_document(&file) {
            Ok(doc) => docs.push((file, doc)),
            Err(err) => {
                eprintln!("error: {err}; not loaded");
                failed += 1;
            }
        }
    }
    docs.sort_by(|a, b| (&a.1.document.date, &a.0).cmp(&(&b.1.document.date, &b.0)));
    let mut db = match load::open(&args.db) {
        Ok(db) => db,
        Err(err @ LoadError::Url(_)) => {
            eprintln!("nhiemvu: {err}");
            return EXIT_USAGE;
        }
        Err(err) => {
            eprintln!("error: {}: {err}", load::redacted(&args.db));
            return EXIT_SOME_FAILED;
        }
    };
    let options = Options {
        revises: args.revises,
        new_plan: args.new_plan,
    };
    let at = load::utc_now();
    for (file, doc) in &docs {
        match load::load_document(db.as_mut(), doc, &options, &at) {
            Ok(Outcome::Loaded { plan, counts }) => print_stdout(&summary(file, &plan, &counts)),
            Ok(Outcome::Superseded { by }) => print_stdout(&format!(
                "{}: skipped: a later issue of its plan ({by}) is loaded\n",
                file.display()
            )),
            Err(err) => {
                eprintln!("error: {}: {err}; nothing of it was loaded", file.display());
                failed += 1;
            }
        }
    }
    if failed > 0 {
        eprintln!("{failed} of {total} documents failed");
        EXIT_SOME_FAILED
    } else {
        EXIT_OK
    }
}
