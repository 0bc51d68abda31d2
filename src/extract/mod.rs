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

use crate::model::{
    Accounting, DocumentKind, ExtractedDocument, Heading, Location, SourceInfo, Warning,
    SCHEMA_VERSION,
};
use crate::source_doc::{Block, SourceDoc, TextLine};
use numbering::RowNumber;
use rows::{build_tasks, RawTable, RowTally, Surroundings};
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
    let mut warnings = doc.warnings.clone();
    if let Some(number) = document
        .number
        .take_if(|n| !docref::is_well_formed_number(n))
    {
        // "2//ULIr-CAT-PC04" (a scan's number line misread): no id is built on it.
        warnings.push(Warning::new(
            "number_unreadable",
            format!("the document number reads \"{number}\", which is no document number: left out, the ids use the file name"),
            Location::default(),
        ));
    }
    let default_year = header::default_year(&document, &lines);
    let doc_id = document.number.clone().unwrap_or_else(|| stem.to_string());
    let mut tasks = Vec::new();
    let mut parts_of = PartTracker::new(&parts, &doc_id);
    let mut body_tables = false;
    let mut tables = 0;
    let mut tally = RowTally::default();
    let mut idx = 0;
    while idx < parts.len() {
        match &parts[idx] {
            Part::Line(line) => {
                if parts_of.enters_part(line) {
                    idx += 1;
                    continue;
                }
                if let Some((heading, used)) = section_heading(&parts[idx..]) {
                    parts_of.section = Some(heading);
                    idx += used;
                    continue;
                }
            }
            Part::Table(table) => {
                tables += 1;
                let in_body = parts_of.in_body() && numbered_line_follows(&parts[idx + 1..]);
                body_tables |= in_body;
                let anchored;
                let table_id = if in_body {
                    anchored = format!("{doc_id}/{}", parts_of.table_anchor());
                    &anchored
                } else {
                    parts_of.doc_id()
                };
                let around = Surroundings {
                    doc_id: table_id,
                    section: parts_of.section.clone(),
                    default_year,
                    gazetteer: &ctx.gazetteer,
                };
                let t = build_tasks(table, &around, &mut tasks, &mut warnings);
                tally.seen += t.seen;
                tally.tasks += t.tasks;
                tally.joined += t.joined;
                tally.headings += t.headings;
                tally.warned += t.warned;
            }
        }
        if let Part::Line(line) = &parts[idx] {
            parts_of.note_line(line);
        }
        idx += 1;
    }
    let around = directive::DocContext {
        meta: &document,
        doc_id: &doc_id,
        default_year,
        gazetteer: &ctx.gazetteer,
    };
    let mut prose = if tables == 0 {
        // No task table: a directive whose numbered items are the tasks.
        let mut prose = directive::extract_tasks(&lines, &around);
        tasks = std::mem::take(&mut prose.tasks);
        prose
    } else if body_tables {
        // A task table inside the body of a plan: the prose items around
        // it are tasks too.
        let mut prose = directive::extract_tasks(&lines, &around);
        tasks.append(&mut prose.tasks);
        prose
    } else {
        numbered_lines_after_table(&parts)
    };
    if tables > 0 {
        document.kind = DocumentKind::Appendix;
    } else if !tasks.is_empty() {
        document.kind = DocumentKind::Directive;
    }
    let items_as_warnings = prose.warnings.len();
    warnings.append(&mut prose.warnings);
    warnings.append(&mut prose.corrections);
    if tally.seen >= 5 && tally.warned * 2 > tally.seen {
        warnings.push(crate::model::Warning::new(
            "rows_mostly_unread",
            format!(
                "{} of {} table rows were not read as tasks (see the row warnings)",
                tally.warned, tally.seen
            ),
            crate::model::Location::default(),
        ));
    }
    if tasks.is_empty() {
        warnings.push(crate::model::Warning::new(
            "no_tasks",
            "no task table or task list found; the document's metadata is kept",
            crate::model::Location::default(),
        ));
    }
    make_ids_unique(&mut tasks);
    let accounting = Accounting {
        rows_seen: tally.seen,
        tasks_from_rows: tally.tasks,
        joined: tally.joined,
        headings: tally.headings,
        as_warnings: tally.warned,
        tasks: tasks.len(),
        items_seen: prose.items_seen,
        items_read: prose.items_read,
        items_as_warnings,
    };
    ExtractedDocument {
        schema_version: SCHEMA_VERSION.to_string(),
        source,
        document,
        tasks,
        warnings,
        accounting,
    }
}

/// The numbered lines after a document's first task table when its prose
/// is not read (the table holds the tasks): a row its table reader missed
/// ("1" / "Triển khai ..." printed apart from its header) or an item of
/// prose after the table. Each is named in an `item_not_task` warning so
/// none vanishes. Roman numerals are parts (read as sections), and a bare
/// number first or last on its page is the page's number.
fn numbered_lines_after_table(parts: &[Part]) -> directive::ProseTasks {
    let lines: Vec<&TextLine> = parts
        .iter()
        .skip_while(|p| matches!(p, Part::Line(_)))
        .filter_map(|p| match p {
            Part::Line(l) => Some(l),
            Part::Table(_) => None,
        })
        .collect();
    let page_edge = |i: usize| {
        let page = lines[i].at.page;
        page.is_some()
            && (i == 0
                || i + 1 == lines.len()
                || lines[i - 1].at.page != page
                || lines[i + 1].at.page != page)
    };
    let mut out = directive::ProseTasks::default();
    for (i, line) in lines.iter().enumerate() {
        let Some((number, rest)) = RowNumber::at_line_start(&line.text) else {
            continue;
        };
        let row_like = !number.is_roman()
            && (rest.starts_with(char::is_uppercase) || rest.is_empty() && !page_edge(i));
        if !row_like {
            continue;
        }
        out.items_seen += 1;
        out.warnings.push(crate::model::Warning::new(
            "item_not_task",
            format!(
                "the line numbered {} after the task table was not read as a task (the \
                 document's tasks are its table's rows): \"{}\"",
                number.printed, line.text
            ),
            line.at,
        ));
    }
    out
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

/// Where the reader is among the document's parts: the body, the closing
/// ("Nơi nhận:", signature) and each appendix ("PHỤ LỤC ...") start a
/// section context of their own, so an appendix table is never read as
/// part of the body's last section.
struct PartTracker {
    /// The Roman-numbered part of the current part.
    section: Option<Heading>,
    /// Whether the closing has been passed.
    closed: bool,
    /// Whether every appendix carries an id segment: the document has a
    /// body before its appendices, or several appendices.
    segmented: bool,
    /// The current appendix's id prefix (`<doc>/PL.<number>`), when segmented.
    appendix_id: Option<String>,
    /// How many appendices have started.
    appendices: usize,
    /// The document id.
    doc_id: String,
    /// The printed number of the last numbered body line (`2` for "2. ...").
    last_number: Option<String>,
}

impl PartTracker {
    fn new(parts: &[Part], doc_id: &str) -> PartTracker {
        let mut appendices = 0;
        let mut closing_first = false;
        for part in parts {
            if let Part::Line(l) = part {
                if appendix_heading(&l.text).is_some() {
                    appendices += 1;
                } else if appendices == 0 && letter::closes_body(&l.text) {
                    closing_first = true;
                }
            }
        }
        PartTracker {
            section: None,
            closed: false,
            segmented: appendices > 1 || (appendices == 1 && closing_first),
            appendix_id: None,
            appendices: 0,
            doc_id: doc_id.to_string(),
            last_number: None,
        }
    }

    /// Note a line that starts a new part (the closing or an appendix) and
    /// say whether it did.
    fn enters_part(&mut self, line: &TextLine) -> bool {
        if let Some(number) = appendix_heading(&line.text) {
            self.appendices += 1;
            self.section = None;
            self.closed = true;
            self.last_number = None;
            if self.segmented {
                let number = number.unwrap_or_else(|| self.appendices.to_string());
                self.appendix_id = Some(format!("{}/PL.{number}", self.doc_id));
            }
            return true;
        }
        if !self.closed && letter::closes_body(&line.text) {
            self.closed = true;
            self.section = None;
            self.last_number = None;
            return true;
        }
        false
    }

    /// Remember the number of a numbered body line.
    fn note_line(&mut self, line: &TextLine) {
        if let Some((number, _)) = RowNumber::at_line_start(&line.text) {
            if !number.is_roman() {
                self.last_number = Some(number.printed);
            }
        }
    }

    /// Whether the reader is in the body (before the closing and appendices).
    fn in_body(&self) -> bool {
        !self.closed
    }

    /// The id prefix of tasks in the current part.
    fn doc_id(&self) -> &str {
        self.appendix_id.as_deref().unwrap_or(&self.doc_id)
    }

    /// The id segment of a table inside the body: the numbered item it sits
    /// under (`T2` for a table under "2. ..."), so its rows never share ids
    /// with the prose items around it.
    fn table_anchor(&self) -> String {
        format!("T{}", self.last_number.as_deref().unwrap_or(""))
    }
}

/// An appendix heading ("PHỤ LỤC", "PHỤ LỤC II", "Phụ lục 01", "PHỤ LỤC
/// III: DANH MỤC ...") and its number when printed.
fn appendix_heading(text: &str) -> Option<Option<String>> {
    static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = R.get_or_init(|| {
        regex::Regex::new(
            r"^(?:PHỤ LỤC|Phụ lục)(?: +(?:số +)?([IVXLC]+|[0-9]{1,2}[a-zA-Z]?)\b)?\.? *(.*)$",
        )
        .expect("static appendix pattern is valid")
    });
    let c = re.captures(text.trim())?;
    let rest = c.get(2).map_or("", |m| m.as_str());
    let titled =
        rest.is_empty() || rest.starts_with([':', '-', '–', '(']) || header::is_capitals(rest);
    titled.then(|| c.get(1).map(|m| m.as_str().to_string()))
}

/// Whether a numbered line of the body follows (before the closing or an
/// appendix): the table sits inside the prose, not at its end.
fn numbered_line_follows(parts: &[Part]) -> bool {
    for part in parts {
        if let Part::Line(l) = part {
            if appendix_heading(&l.text).is_some() || letter::closes_body(&l.text) {
                return false;
            }
            if RowNumber::at_line_start(&l.text).is_some() {
                return true;
            }
        }
    }
    false
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::InputKind;
    use crate::source_doc::{Cell, Row, Table};

    fn line(text: &str) -> Block {
        Block::Line(TextLine::plain(text))
    }

    fn table(rows: &[&[&str]]) -> Block {
        Block::Table(Table {
            rows: rows
                .iter()
                .map(|cells| Row {
                    cells: cells.iter().map(|c| Cell::new(*c)).collect(),
                    at: Default::default(),
                    bbox: None,
                })
                .collect(),
        })
    }

    const HEADER: &[&str] = &[
        "TT",
        "Nội dung nhiệm vụ",
        "Đơn vị chủ trì",
        "Thời gian hoàn thành",
    ];

    const ROW: &[&str] = &[
        "1",
        "Rà soát văn bản quy phạm pháp luật",
        "Sở Tư pháp",
        "Quý I/2026",
    ];

    fn ids(blocks: Vec<Block>) -> Vec<String> {
        let doc = SourceDoc {
            input_kind: InputKind::Docx,
            pages: None,
            blocks,
            warnings: Vec::new(),
            ocr: Default::default(),
        };
        let source = SourceInfo {
            path: "kh.docx".into(),
            sha256: String::new(),
            input_kind: InputKind::Docx,
            pages: None,
        };
        let out = extract(&doc, source, "kh", &Context::default());
        out.tasks.into_iter().map(|t| t.id).collect()
    }

    #[test]
    fn appendices_after_the_closing_have_their_own_parts() {
        let appendix = |n: &str| {
            vec![
                line(&format!("PHỤ LỤC {n}")),
                line("DANH MỤC NHIỆM VỤ NĂM 2026"),
                table(&[
                    HEADER,
                    &["I", "CẢI CÁCH THỂ CHẾ", "", ""],
                    &[
                        "1",
                        "Rà soát văn bản quy phạm pháp luật",
                        "Sở Tư pháp",
                        "Quý I/2026",
                    ],
                    &[
                        "2",
                        "Xây dựng kế hoạch kiểm tra",
                        "Sở Tư pháp",
                        "Tháng 3/2026",
                    ],
                ]),
            ]
        };
        let mut blocks = vec![
            line("KẾ HOẠCH"),
            line("Cải cách hành chính năm 2026"),
            line("I. MỤC ĐÍCH, YÊU CẦU"),
            line("1. Mục đích"),
            line("II. TỔ CHỨC THỰC HIỆN"),
            line("1. Các sở, ngành triển khai các nhiệm vụ tại Phụ lục kèm theo."),
            line("Nơi nhận: - Như trên; - Lưu: VT."),
        ];
        blocks.extend(appendix("I"));
        blocks.extend(appendix("II"));
        assert_eq!(
            ids(blocks),
            ["kh/PL.I/I/1", "kh/PL.I/I/2", "kh/PL.II/I/1", "kh/PL.II/I/2"],
            "the appendix rows are not under the body's last part, and the two tables differ by their appendix"
        );
    }

    #[test]
    fn a_document_that_is_one_appendix_keeps_plain_ids() {
        let blocks = vec![
            line("PHỤ LỤC V"),
            line("DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2026"),
            table(&[HEADER, ROW]),
        ];
        assert_eq!(ids(blocks), ["kh/-/1"]);
    }

    #[test]
    fn a_task_table_inside_the_body_keeps_the_prose_tasks_around_it() {
        let blocks = vec![
            line("KẾ HOẠCH"),
            line("II. NHIỆM VỤ"),
            line("1. Giao Sở Nội vụ chủ trì tổng hợp, báo cáo trước ngày 15/12/2026."),
            line("2. Các nhiệm vụ cụ thể:"),
            table(&[HEADER, ROW]),
            line("3. Giao Sở Tài chính bố trí kinh phí thực hiện trong tháng 3/2026."),
            line("Nơi nhận: - Như trên; - Lưu: VT."),
        ];
        let got = ids(blocks);
        assert!(got.contains(&"kh/T2/II/1".to_string()), "{got:?}");
        assert!(got.contains(&"kh/II/1".to_string()), "{got:?}");
        assert!(got.contains(&"kh/II/3".to_string()), "{got:?}");
        assert!(got.iter().all(|id| !id.contains('#')), "{got:?}");
    }

    #[test]
    fn appendix_headings() {
        assert_eq!(appendix_heading("PHỤ LỤC"), Some(None));
        assert_eq!(appendix_heading("PHỤ LỤC II"), Some(Some("II".into())));
        assert_eq!(
            appendix_heading("Phụ lục 01: DANH MỤC NHIỆM VỤ"),
            Some(Some("01".into()))
        );
        assert_eq!(
            appendix_heading("Phụ lục văn bản trình bày trang giấy riêng"),
            None
        );
    }
}
