//! `nhiemvu tables FILE... [-o DIR]`: every reconstructed table of a PDF,
//! Word file or layout text as CSV (merged cells resolved, page-spanning
//! tables joined, repeated headers dropped).

use super::{for_each_input, read_input};
use crate::error::Error;
use crate::source_doc::{Block, Table};
use clap::Args;
use std::path::{Path, PathBuf};

/// Arguments of `nhiemvu tables`.
#[derive(Debug, Args)]
pub struct TablesArgs {
    /// PDF, Word (.docx) or text files.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output folder for `<stem>.table-<n>.csv` files.
    #[arg(short, long, default_value = ".")]
    output: PathBuf,
}

/// Run `nhiemvu tables`.
pub fn run(args: TablesArgs) -> i32 {
    for_each_input(&args.inputs, |input| {
        let n = write_tables(input, &args.output)?;
        eprintln!("{}: {n} tables", input.display());
        Ok(())
    })
}

fn write_tables(input: &Path, out_dir: &Path) -> Result<usize, Error> {
    let doc = read_input(input)?;
    let write_err = |path: &Path, source: std::io::Error| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(out_dir).map_err(|e| write_err(out_dir, e))?;
    let stem = input
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("document");
    let tables = doc.blocks.iter().filter_map(|b| match b {
        Block::Table(t) => Some(t),
        Block::Line(_) => None,
    });
    let mut n = 0;
    for (i, table) in tables.enumerate() {
        let path = out_dir.join(format!("{stem}.table-{}.csv", i + 1));
        crate::output::write_atomic(&path, table_csv(table).as_bytes())?;
        n += 1;
    }
    Ok(n)
}

/// A table as CSV: one record per row; a cell spanning several columns is
/// followed by empty fields so that columns stay aligned.
pub fn table_csv(table: &Table) -> String {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for row in &table.rows {
        let mut fields: Vec<&str> = Vec::new();
        for cell in &row.cells {
            fields.push(&cell.text);
            fields.extend(std::iter::repeat_n("", cell.span.saturating_sub(1)));
        }
        // Writing to a Vec cannot fail.
        let _ = w.write_record(&fields);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}
