//! The rule-based extractor: from a [`SourceDoc`] to task records.
//!
//! Tables with a TT column and a name column are task tables, whatever
//! their other columns ([`columns`]). Tables come either with their cells
//! known (PDF geometry, Word XML: [`tables`]) or as flat lines that must be
//! rebuilt ([`flat`]); both go through one record builder ([`rows`]).

pub mod columns;
pub mod deadline;
pub mod directive;
pub mod docref;
pub mod flat;
pub mod header;
pub mod letter;
pub mod numbering;
pub mod rows;
pub mod tables;
pub mod units;
pub mod width;

use crate::model::{DocumentKind, ExtractedDocument, Heading, SourceInfo, SCHEMA_VERSION};
use crate::source_doc::{Block, SourceDoc, TextLine};
use numbering::RowNumber;
use rows::{build_tasks, RawTable, Surroundings};
use std::path::Path;
use units::Gazetteer;

/// What the extractor knows beyond the document: the unit gazetteer.
#[derive(Debug, Clone)]
pub struct Context {
    /// Abbreviations and full names of bodies.
    pub gazetteer: Gazetteer,
}

impl Context {
    /// The built-in gazetteer, extended with a user file when given.
    pub fn with_user_units(units: Option<&Path>) -> Result<Context, String> {
        let mut gazetteer = Gazetteer::builtin();
        if let Some(path) = units {
            gazetteer.add_file(path)?;
        }
        Ok(Context { gazetteer })
    }
}

impl Default for Context {
    fn default() -> Self {
        Context {
            gazetteer: Gazetteer::builtin(),
        }
    }
}

/// A document in reading order once its tables are known.
enum Part {
    Line(TextLine),
    Table(RawTable),
}

/// Extract the task records of a document. A document with a task table
/// keeps the table as its record: prose that restates it is not read. A
/// document holding neither a task table nor a list of tasks in prose
/// keeps its metadata, with zero tasks and a `no_tasks` warning.
pub fn extract(
    doc: &SourceDoc,
    source: SourceInfo,
    stem: &str,
    ctx: &Context,
) -> ExtractedDocument {
    let parts = resolve_tables(doc, &ctx.gazetteer);
    let lines: Vec<&TextLine> = parts
        .iter()
        .filter_map(|p| match p {
            Part::Line(l) => Some(l),
            Part::Table(_) => None,
        })
        .collect();
    let mut document = header::read_metadata(&lines);
    let default_year = header::default_year(&document, &lines);
    let doc_id = document.number.clone().unwrap_or_else(|| stem.to_string());
    let mut tasks = Vec::new();
    let mut warnings = doc.warnings.clone();
    let mut section: Option<Heading> = None;
    let mut tables = 0;
    let mut idx = 0;
    while idx < parts.len() {
        match &parts[idx] {
            Part::Line(_) => {
                if let Some((heading, used)) = section_heading(&parts[idx..]) {
                    section = Some(heading);
                    idx += used;
                    continue;
                }
            }
            Part::Table(table) => {
                tables += 1;
                let around = Surroundings {
                    doc_id: &doc_id,
                    section: section.clone(),
                    default_year,
                    gazetteer: &ctx.gazetteer,
                };
                build_tasks(table, &around, &mut tasks, &mut warnings);
            }
        }
        idx += 1;
    }
    if tables == 0 {
        // No task table: a directive whose numbered items are the tasks.
        let around = directive::DocContext {
            meta: &document,
            doc_id: &doc_id,
            default_year,
            gazetteer: &ctx.gazetteer,
        };
        tasks = directive::extract_tasks(&lines, &around);
        if !tasks.is_empty() {
            document.kind = DocumentKind::Directive;
        }
    } else {
        document.kind = DocumentKind::Appendix;
    }
    if tasks.is_empty() {
        warnings.push(crate::model::Warning::new(
            "no_tasks",
            "no task table or task list found; the document's metadata is kept",
            crate::model::Location::default(),
        ));
    }
    make_ids_unique(&mut tasks);
    ExtractedDocument {
        schema_version: SCHEMA_VERSION.to_string(),
        source,
        document,
        tasks,
        warnings,
    }
}

/// Resolve every table of the document: tables whose cells are known, and
/// tables rebuilt from runs of flat lines.
fn resolve_tables(doc: &SourceDoc, gazetteer: &Gazetteer) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut run: Vec<TextLine> = Vec::new();
    let flush = |run: &mut Vec<TextLine>, parts: &mut Vec<Part>| {
        for item in flat::rebuild(run, gazetteer) {
            parts.push(match item {
                flat::FlatItem::Line(l) => Part::Line(l),
                flat::FlatItem::Table(t) => Part::Table(t),
            });
        }
        run.clear();
    };
    for block in &doc.blocks {
        match block {
            Block::Line(line) => run.push(line.clone()),
            Block::Table(table) => {
                flush(&mut run, &mut parts);
                match tables::read_table(table) {
                    Some(raw) => parts.push(Part::Table(raw)),
                    None => parts.extend(tables::as_lines(table).into_iter().map(Part::Line)),
                }
            }
        }
    }
    flush(&mut run, &mut parts);
    parts
}

/// A Roman-numbered heading in capitals ("II. NHIỆM VỤ TRỌNG TÂM ...",
/// possibly wrapped over several capitalized lines) and how many parts it took.
fn section_heading(parts: &[Part]) -> Option<(Heading, usize)> {
    let Some(Part::Line(first)) = parts.first() else {
        return None;
    };
    let (number, rest) = RowNumber::at_line_start(&first.text)?;
    if !number.is_roman() || !header::is_capitals(rest) {
        return None;
    }
    let mut title = vec![rest.to_string()];
    let mut used = 1;
    for part in &parts[1..] {
        match part {
            Part::Line(l)
                if header::is_capitals(&l.text) && RowNumber::at_line_start(&l.text).is_none() =>
            {
                title.push(l.text.clone());
                used += 1;
            }
            _ => break,
        }
    }
    Some((
        Heading {
            number: number.printed,
            title: crate::normalize::join_lines(&title),
        },
        used,
    ))
}

/// Task ids are upsert keys: where two tasks would share one (a table that
/// numbers twice from 1 without sections), later ones get `#2`, `#3`, ...
/// and a warning.
fn make_ids_unique(tasks: &mut [crate::model::Task]) {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for task in tasks {
        let n = seen.entry(task.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            task.id = format!("{}#{}", task.id, n);
            task.warnings.push(crate::model::Warning::new(
                "duplicate_id",
                format!(
                    "another task has the same section and number; id made unique as {}",
                    task.id
                ),
                task.source,
            ));
        }
    }
}
