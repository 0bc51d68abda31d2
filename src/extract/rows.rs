//! The record builder: table rows with known columns → task records. Every
//! front end's tables (flat text, layout text, PDF geometry, Word XML) come
//! through here, so one set of rules decides groups, sub-rows, units,
//! documents and deadlines.

use super::columns::{names_lead_before_partners, ColumnModel, Role};
use super::deadline::{parse_deadline, ParsedDeadline};
use super::docref::{find_document_refs, mentions_document, parse_document_refs};
use super::numbering::RowNumber;
use super::units::{split_units, Gazetteer};
use crate::model::DeadlineKind;
use crate::model::{Heading, Location, Task, UnitRef, Warning};
use crate::normalize::join_lines;
use crate::source_doc::PageBox;
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A table row with one text per model column (lines joined with `\n`).
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    /// Cell texts, one per column of the model.
    pub cells: Vec<String>,
    /// Where the row starts.
    pub at: Location,
    /// The row's box on its page (PDF tables only).
    pub bbox: Option<PageBox>,
    /// Problems met while rebuilding the row.
    pub warnings: Vec<Warning>,
}

/// A task table: its column model and its rows (header rows removed).
#[derive(Debug, Clone, PartialEq)]
pub struct RawTable {
    /// The columns, read from the header.
    pub model: ColumnModel,
    /// Body rows in order.
    pub rows: Vec<RawRow>,
    /// Problems with the table as a whole.
    pub warnings: Vec<Warning>,
    /// Rows the reader saw but could not read as rows (a row number read
    /// as cell text), each named in one of `warnings`: counted as seen
    /// and turned into a warning in the accounting.
    pub rows_as_warnings: usize,
}

/// What the builder needs to know about the document around a table.
#[derive(Debug, Clone)]
pub struct Surroundings<'a> {
    /// The document number, or the file stem: the first part of task ids.
    pub doc_id: &'a str,
    /// The Roman-numeral part the table sits in.
    pub section: Option<Heading>,
    /// Year for dates without one (the document's date).
    pub default_year: Option<i32>,
    /// Unit abbreviations.
    pub gazetteer: &'a Gazetteer,
}

/// What became of a table's rows that hold any text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RowTally {
    /// Rows with text seen.
    pub seen: usize,
    /// Rows that became tasks (numbered rows and sub-rows).
    pub tasks: usize,
    /// Rows whose text was joined to the task above.
    pub joined: usize,
    /// Rows that became section or group headings.
    pub headings: usize,
    /// Rows turned into a warning.
    pub warned: usize,
}

/// Turn a table's rows into tasks (appended to `tasks`); returns what
/// became of every row.
pub fn build_tasks(
    table: &RawTable,
    around: &Surroundings<'_>,
    tasks: &mut Vec<Task>,
    warnings: &mut Vec<Warning>,
) -> RowTally {
    let mut tally = RowTally {
        seen: table.rows_as_warnings,
        warned: table.rows_as_warnings,
        ..RowTally::default()
    };
    warnings.extend(table.warnings.iter().cloned());
    let model = &table.model;
    let cell = |row: &RawRow, role: Role| -> String {
        model
            .index_of(role)
            .and_then(|i| row.cells.get(i))
            .map(|t| t.trim().to_string())
            .unwrap_or_default()
    };
    let numbers: Vec<Option<RowNumber>> = table
        .rows
        .iter()
        .map(|r| RowNumber::parse(&cell(r, Role::Number)))
        .collect();
    let mut readings = CellReadings::new(around);
    let mut group: Option<Heading> = None;
    let mut table_section: Option<Heading> = None;
    let mut parent: Option<usize> = None;
    let mut sub_count = 0;
    for (i, row) in table.rows.iter().enumerate() {
        let name = join_lines(&cell(row, Role::Name).lines().collect::<Vec<_>>());
        let has_content = model.columns.iter().enumerate().any(|(c, col)| {
            !matches!(col.role, Role::Number | Role::Name)
                && !row.cells.get(c).is_none_or(|t| t.trim().is_empty())
        });
        if has_content || !name.is_empty() || numbers[i].is_some() {
            tally.seen += 1;
        }
        let Some(number) = &numbers[i] else {
            if let Some(p) = parent.filter(|_| has_content) {
                tally.tasks += 1;
                sub_count += 1;
                let parent_task = &tasks[p];
                let number = format!("{}.{sub_count}", parent_task.number);
                let name = if name.is_empty() {
                    parent_task.name.clone()
                } else {
                    name
                };
                let parent_id = parent_task.id.clone();
                let mut task = build_task(
                    &mut readings,
                    model,
                    row,
                    &number,
                    name,
                    group.clone(),
                    &table_section,
                );
                task.parent = Some(parent_id);
                tasks.push(task);
            } else if let (Some(p), false) = (parent, name.is_empty()) {
                tally.joined += 1;
                let task = &mut tasks[p];
                task.name = join_lines(&[task.name.as_str(), name.as_str()]);
                task.source.bbox = joined_box(task.source.bbox, task.source.page, row.bbox);
                task.warnings.push(Warning::new(
                    "row_continuation",
                    "a row without a number and with only name text was joined to the task above",
                    row.at,
                ));
            } else if has_content || !name.is_empty() {
                tally.warned += 1;
                let mut warning = Warning::new(
                    "row_without_number",
                    format!(
                        "a table row without a TT number and no task above it: \"{}\"",
                        row_text(row)
                    ),
                    row.at,
                );
                warning.bbox = row.bbox.map(|b| b.corners());
                warnings.push(warning);
            }
            continue;
        };
        // Children follow their parent: look at the next numbered row only.
        let is_parent_of_later = numbers[i + 1..]
            .iter()
            .flatten()
            .next()
            .is_some_and(|n| n.is_child_of(number));
        if (number.is_roman() || is_parent_of_later) && !has_content {
            let heading = Heading {
                number: number.printed.clone(),
                title: name,
            };
            // A Roman-numbered row in a table outside any section is the
            // table's own section ("I Cải cách thể chế").
            if number.is_roman() && around.section.is_none() {
                table_section = Some(heading);
                group = None;
            } else {
                group = Some(heading);
            }
            tally.headings += 1;
            parent = None;
            continue;
        }
        if let Some(g) = &group {
            let under = RowNumber::parse(&g.number)
                .is_some_and(|gn| gn.is_roman() || number.is_child_of(&gn));
            if !under {
                group = None;
            }
        }
        let mut task = build_task(
            &mut readings,
            model,
            row,
            &number.printed,
            name,
            group.clone(),
            &table_section,
        );
        if task.name.is_empty() {
            task.warnings.push(Warning::new(
                "empty_name",
                format!("row {} has no task name", number.printed),
                row.at,
            ));
        }
        tasks.push(task);
        tally.tasks += 1;
        parent = Some(tasks.len() - 1);
        sub_count = 0;
    }
    tally
}

/// A task's box grown by a row joined to it, where that row is on the
/// task's page.
fn joined_box(task: Option<[f64; 4]>, page: Option<u32>, row: Option<PageBox>) -> Option<[f64; 4]> {
    let (Some([x0, y0, x1, y1]), Some(page), Some(row)) = (task, page, row) else {
        return task;
    };
    let own = PageBox {
        page,
        x0,
        y0,
        x1,
        y1,
    };
    Some(own.union(row).corners())
}

fn row_text(row: &RawRow) -> String {
    join_lines(
        &row.cells
            .iter()
            .map(|c| c.replace('\n', " "))
            .collect::<Vec<_>>(),
    )
}

/// The readings of one table's unit and deadline cells, by cell text: a
/// table names a few units and deadlines over and over down its rows
/// ("Văn phòng Trung ương Đảng" leads many tasks), so each distinct text
/// is read once.
struct CellReadings<'a> {
    around: &'a Surroundings<'a>,
    units: HashMap<String, Vec<UnitRef>>,
    deadlines: HashMap<(String, Option<i32>), Option<ParsedDeadline>>,
}

impl<'a> CellReadings<'a> {
    fn new(around: &'a Surroundings<'a>) -> Self {
        CellReadings {
            around,
            units: HashMap::new(),
            deadlines: HashMap::new(),
        }
    }

    /// [`split_units`] of a unit cell.
    fn units(&mut self, text: &str) -> Vec<UnitRef> {
        if let Some(units) = self.units.get(text) {
            return units.clone();
        }
        let units = split_units(text, self.around.gazetteer);
        self.units.insert(text.to_string(), units.clone());
        units
    }

    /// [`parse_deadline_cell`] of a deadline cell.
    fn deadline(&mut self, text: &str, year: Option<i32>) -> Option<ParsedDeadline> {
        let key = (text.to_string(), year);
        if let Some(parsed) = self.deadlines.get(&key) {
            return parsed.clone();
        }
        let parsed = parse_deadline_cell(text, year);
        self.deadlines.insert(key, parsed.clone());
        parsed
    }
}

fn build_task(
    readings: &mut CellReadings<'_>,
    model: &ColumnModel,
    row: &RawRow,
    number: &str,
    name: String,
    group: Option<Heading>,
    table_section: &Option<Heading>,
) -> Task {
    let around = readings.around;
    let section = around.section.clone().or_else(|| table_section.clone());
    let mut task = Task::new(around.doc_id, section, group, number, name, row.at);
    task.source.bbox = row.bbox.map(|b| b.corners());
    task.warnings = row.warnings.clone();
    let year = model.year.or(around.default_year);
    for (col, text) in model.columns.iter().zip(&row.cells) {
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let one_line = || join_lines(&text.lines().collect::<Vec<_>>());
        match col.role {
            Role::Number | Role::Name => {}
            Role::Documents => task.assigning_documents.extend(parse_document_refs(text)),
            Role::Lead if !assigned_by_reference(&mut task, &col.header, text) => {
                task.lead_units.extend(readings.units(text))
            }
            Role::Lead => {}
            Role::Coordinating => task.coordinating_units.extend(readings.units(text)),
            Role::Responsibility => {
                assign_responsibility(&mut task, &col.header, text, around.gazetteer)
            }
            Role::Result => task.result = Some(one_line()),
            Role::Deadline => {
                if let Some(parsed) = readings.deadline(text, year) {
                    if let Some(note) = parsed.note {
                        task.warnings
                            .push(Warning::new("deadline_unclear", note, row.at));
                    }
                    task.deadline = Some(parsed.deadline);
                }
            }
            Role::Extra => {
                task.extra_columns.insert(col.header.clone(), one_line());
            }
        }
    }
    task
}

/// Parse a deadline cell; a narrow column may break a token across lines
/// ("Quý" / "III/20" / "26"), so where joining the lines with spaces gives
/// no clean reading, the lines are also tried glued at digit boundaries.
fn parse_deadline_cell(text: &str, year: Option<i32>) -> Option<ParsedDeadline> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let spaced = parse_deadline(&join_lines(&lines), year)?;
    let mut glued = String::new();
    let mut broke_digits = false;
    for line in &lines {
        let digit_break = glued.ends_with(|c: char| c.is_ascii_digit())
            && line.starts_with(|c: char| c.is_ascii_digit());
        broke_digits |= digit_break;
        if !glued.is_empty() && !digit_break {
            glued.push(' ');
        }
        glued.push_str(line);
    }
    if broke_digits {
        if let Some(p) = parse_deadline(&glued, year)
            .filter(|p| p.note.is_none() && p.deadline.kind != DeadlineKind::Other)
        {
            return Some(p);
        }
    }
    Some(spaced)
}

/// A unit cell that assigns by reference ("Theo phân công tại Quyết định
/// số 1441/QĐ-UBND") names the assigning document and no unit: the
/// document joins `assigning_documents`, the cell is kept under its header.
fn assigned_by_reference(task: &mut Task, header: &str, text: &str) -> bool {
    let one_line = join_lines(&text.lines().collect::<Vec<_>>());
    let lower = one_line.to_lowercase();
    if !((lower.starts_with("theo ") || lower.contains("phân công"))
        && mentions_document(&one_line))
    {
        return false;
    }
    for r in find_document_refs(&one_line) {
        if r.number.is_some()
            && !task
                .assigning_documents
                .iter()
                .any(|a| a.number == r.number)
        {
            task.assigning_documents.push(r);
        }
    }
    task.extra_columns
        .insert(header.to_string(), one_line.clone());
    task.warnings.push(Warning::new(
        "units_by_reference",
        format!(
            "the responsibility cell assigns units by reference and names none: \"{one_line}\""
        ),
        task.source,
    ));
    true
}

/// Fill units from a single responsibility column: "X chủ trì, phối hợp với
/// Y" splits; a cell that assigns by reference names no unit; anything else
/// makes every unit a lead unit, with a warning.
fn assign_responsibility(task: &mut Task, header: &str, text: &str, gazetteer: &Gazetteer) {
    static SPLIT: OnceLock<Regex> = OnceLock::new();
    let re = SPLIT.get_or_init(|| {
        Regex::new(r"(?is)^(?:chủ trì(?-u:\s)*:?(?-u:\s)*)?(.+?)(?-u:\s)*[,;:]?(?-u:\s)*(?:chủ trì|làm đầu mối)(?-u:\s)*[,;:.]?(?-u:\s)*(?:phối hợp(?:(?-u:\s)+với)?|cùng(?:(?-u:\s)+với)?|phối hợp(?-u:\s)*:)(?-u:\s)*:?(?-u:\s)*(.+)$")
            .expect("static responsibility pattern is valid")
    });
    static LABELLED: OnceLock<Regex> = OnceLock::new();
    let labelled = LABELLED.get_or_init(|| {
        Regex::new(r"(?is)^(?-u:\s)*-?(?-u:\s)*chủ trì(?-u:\s)*:(?-u:\s)*(.+?)(?-u:\s)*[;\n.](?-u:\s)*-?(?-u:\s)*phối hợp(?-u:\s)*:(?-u:\s)*(.+)$")
            .expect("static labelled responsibility pattern is valid")
    });
    let one_line = join_lines(&text.lines().collect::<Vec<_>>());
    let units =
        |s: &str| -> Vec<UnitRef> { split_units(s.trim().trim_end_matches('.'), gazetteer) };
    if let Some(c) = labelled.captures(text).or_else(|| re.captures(&one_line)) {
        task.lead_units = units(&c[1]);
        task.coordinating_units = units(&c[2]);
        return;
    }
    if assigned_by_reference(task, header, text) {
        return;
    }
    let mut named = units(text);
    if names_lead_before_partners(header) {
        if named.len() == 1 {
            task.lead_units = named;
            return;
        }
        // "Đơn vị chủ trì/phối hợp" over "Phòng Đào tạo; Trung tâm QLCL":
        // the lead is named first, its partners after it.
        task.coordinating_units = named.split_off(1);
        task.lead_units = named;
        task.warnings.push(Warning::new(
            "responsibility_first_is_lead",
            "one column for the lead and its partners: the first unit named is taken as the lead, the others as coordinating units",
            task.source,
        ));
        return;
    }
    task.lead_units = named;
    task.warnings.push(Warning::new(
        "responsibility_single_column",
        "one responsibility column without \"chủ trì\"/\"phối hợp\": every unit named is taken as a lead unit",
        task.source,
    ));
}

#[cfg(test)]
mod tests {
    use crate::extract::Context;
    use crate::limits::Limits;
    use crate::pipeline::process_bytes;
    use std::path::Path;

    #[test]
    fn one_column_for_the_lead_and_its_partners_names_the_lead_first() {
        let text = "                    PHỤ LỤC\n        DANH MỤC NHIỆM VỤ NĂM 2026\n\n \
            STT   Nội dung công việc                 Thời gian thực hiện      Đơn vị chủ trì/phối hợp\n \
            1     Ban hành kế hoạch khảo sát         Trước ngày 27/6/2026     Phòng Đào tạo; Trung tâm QLCL\n \
            2     Triển khai khảo sát trực tuyến     29/6/2026 - 09/7/2026    Trung tâm QLCL; các khoa\n \
            3     Trình lãnh đạo Trường xem xét      Trước ngày 15/7/2026     Trung tâm QLCL\n";
        let doc = process_bytes(
            Path::new("pl.txt"),
            text.as_bytes(),
            &Context::default(),
            &Limits::default(),
        )
        .expect("layout text reads");
        let read: Vec<(Vec<&str>, Vec<&str>, usize)> = doc
            .tasks
            .iter()
            .map(|t| {
                (
                    t.lead_units.iter().map(|u| u.raw.as_str()).collect(),
                    t.coordinating_units
                        .iter()
                        .map(|u| u.raw.as_str())
                        .collect(),
                    t.warnings.len(),
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                (vec!["Phòng Đào tạo"], vec!["Trung tâm QLCL"], 1),
                (vec!["Trung tâm QLCL"], vec!["các khoa"], 1),
                (vec!["Trung tâm QLCL"], vec![], 0),
            ],
            "the first unit leads; a lone unit is the lead without a warning"
        );
        assert_eq!(
            doc.tasks[1].deadline.as_ref().map(|d| d.due.clone()),
            Some(Some("2026-07-09".to_string())),
            "two dates span the work"
        );
    }
}
