//! `nhiemvu tables FILE... [-o DIR] [--format csv|json|icdar2013] [--ocr WHEN]`: every
//! reconstructed table of a PDF, Word file or layout text (merged cells
//! resolved, page-spanning tables joined, repeated headers dropped), as CSV
//! for people or with cell boxes and spans for table benchmarks.

use super::{for_each_input, read_input};
use crate::error::Error;
use crate::limits::Limits;
use crate::output::tables::{icdar2013_xml, table_csv, table_layout, TableLayout};
use crate::source_doc::{Block, Table};
use clap::{Args, ValueEnum};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// Arguments of `nhiemvu tables`.
#[derive(Debug, Args)]
pub struct TablesArgs {
    /// PDF, Word (.docx) or text files.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output folder.
    #[arg(short, long, default_value = ".")]
    output: PathBuf,
    /// `csv`: `<stem>.table-<n>.csv` per table; `json`: `<stem>.tables.json`
    /// with every table's regions and cells (grid place, spans, boxes);
    /// `icdar2013`: `<stem>-str-result.xml`, ICDAR 2013 structure XML.
    #[arg(long, value_enum, default_value_t = TablesFormat::Csv)]
    format: TablesFormat,
    /// OCR PDF pages, as `extract --ocr`: `auto` those without a usable
    /// text layer (scans), `never`, or `always` every page that is mostly
    /// one image.
    #[arg(long, value_enum, value_name = "WHEN", default_value = "auto")]
    ocr: crate::ocr::OcrMode,
}

/// What `nhiemvu tables` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TablesFormat {
    Csv,
    Json,
    Icdar2013,
}

/// The file `tables --format json` writes for one input.
#[derive(Serialize)]
struct TablesFile<'a> {
    /// The input's file name.
    source: &'a str,
    /// Every table in reading order.
    tables: Vec<TableLayout>,
}

/// Run `nhiemvu tables`.
pub fn run(args: TablesArgs) -> i32 {
    for_each_input(&args.inputs, |input| {
        let limits = Limits {
            ocr: args.ocr,
            ..Limits::default()
        };
        let n = write_tables(input, &args.output, args.format, &limits)?;
        eprintln!("{}: {n} tables", input.display());
        Ok(())
    })
}

fn write_tables(
    input: &Path,
    out_dir: &Path,
    format: TablesFormat,
    limits: &Limits,
) -> Result<usize, Error> {
    let doc = read_input(input, limits)?;
    std::fs::create_dir_all(out_dir).map_err(|source| Error::Write {
        path: out_dir.to_path_buf(),
        source,
    })?;
    let stem = input
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("document");
    let file_name = input
        .file_name()
        .and_then(|s| s.to_str())
        .unwrap_or("document");
    let tables: Vec<&Table> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            Block::Line(_) => None,
        })
        .collect();
    let layouts = || -> Vec<TableLayout> {
        tables
            .iter()
            .enumerate()
            .map(|(i, t)| table_layout(i + 1, t))
            .collect()
    };
    match format {
        TablesFormat::Csv => {
            for (i, table) in tables.iter().enumerate() {
                let path = out_dir.join(format!("{stem}.table-{}.csv", i + 1));
                crate::output::write_atomic(&path, table_csv(table).as_bytes())?;
            }
        }
        TablesFormat::Json => {
            let file = TablesFile {
                source: file_name,
                tables: layouts(),
            };
            let mut json = serde_json::to_string_pretty(&file).unwrap_or_default();
            json.push('\n');
            let path = out_dir.join(format!("{stem}.tables.json"));
            crate::output::write_atomic(&path, json.as_bytes())?;
        }
        TablesFormat::Icdar2013 => {
            let path = out_dir.join(format!("{stem}-str-result.xml"));
            let xml = icdar2013_xml(file_name, &layouts());
            crate::output::write_atomic(&path, xml.as_bytes())?;
        }
    }
    Ok(tables.len())
}
