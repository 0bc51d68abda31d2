//! The output contract: the records nhiemvu writes for every input.
//!
//! These types serialize to the JSON described by `schemas/nhiemvu.schema.json`
//! and the README. Trackers downstream depend on the exact shape: change a
//! field only on purpose and bump [`SCHEMA_VERSION`].

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version of the output contract written into every document record.
pub const SCHEMA_VERSION: &str = "7";

/// Everything extracted from one input file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtractedDocument {
    /// Output contract version ([`SCHEMA_VERSION`]).
    pub schema_version: String,
    /// Where the record came from.
    pub source: SourceInfo,
    /// Metadata of the document as a whole.
    pub document: DocumentMeta,
    /// The task records, in document order.
    pub tasks: Vec<Task>,
    /// Problems that concern the document rather than one task.
    pub warnings: Vec<Warning>,
    /// What became of every table row seen (added in schema version 3;
    /// older records read as all zero).
    #[serde(default)]
    pub accounting: Accounting,
}

/// What became of every row with text of the document's task tables:
/// `rows_seen = tasks_from_rows + joined + headings + as_warnings`.
/// `tasks` counts every record written, prose items included.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accounting {
    /// Rows with text of task tables seen.
    pub rows_seen: usize,
    /// Those that became tasks (numbered rows and sub-rows).
    pub tasks_from_rows: usize,
    /// Those whose text was joined to the task above (a name continued).
    pub joined: usize,
    /// Those that became section or group headings.
    pub headings: usize,
    /// Those not used, each named in a warning with its page and line.
    pub as_warnings: usize,
    /// Task records written in all (table rows, sub-rows and prose items).
    pub tasks: usize,
    /// Numbered or bulleted prose items without items under them (schema
    /// version 6; absent in older records, read as 0).
    #[serde(default)]
    pub items_seen: usize,
    /// Those read as tasks (an item may give several tasks).
    #[serde(default)]
    pub items_read: usize,
    /// Those not read as tasks, each named in an `item_not_task` warning
    /// with its page and line: `items_seen = items_read + items_as_warnings`.
    #[serde(default)]
    pub items_as_warnings: usize,
}

/// Kind of input a record was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputKind {
    /// Already-extracted plain text.
    Text,
    /// A PDF file.
    Pdf,
    /// A Word (.docx) file.
    Docx,
}

/// Identification of the input file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// The path as given (or found under a folder argument).
    pub path: String,
    /// Lowercase hex SHA-256 of the input bytes.
    pub sha256: String,
    /// Which front end read the file.
    pub input_kind: InputKind,
    /// Number of pages, where the input has pages.
    pub pages: Option<u32>,
}

/// What kind of document the tasks came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    /// A task table (phụ lục / danh mục nhiệm vụ).
    Appendix,
    /// A directive, plan or notice whose numbered items are the tasks.
    Directive,
    /// Neither could be recognized.
    #[default]
    Unknown,
}

/// Metadata read from the document's header block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct DocumentMeta {
    /// Appendix, directive or unknown.
    pub kind: DocumentKind,
    /// Number and symbol, e.g. `2039-CV/VPTW`.
    pub number: Option<String>,
    /// Document type in words, e.g. `Công văn`.
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    /// Issuing body.
    pub issuer: Option<String>,
    /// Date of issue, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Title or subject line.
    pub title: Option<String>,
    /// Place of issue, from the place-and-date line ("Hà Nội").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Subject of a letter-style document ("V/v ..."), without the `V/v`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Addressees listed after "Kính gửi:".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<String>,
    /// Title of the signer ("CHÁNH VĂN PHÒNG"), possibly with "T/M", "K/T" lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer_title: Option<String>,
    /// Name of the signer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer_name: Option<String>,
    /// Distribution list after "Nơi nhận:".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub distribution: Vec<String>,
}

/// A numbered heading (section or group) that tasks sit under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heading {
    /// The number as printed, without a trailing `.` (`I`, `3`).
    pub number: String,
    /// The heading text.
    pub title: String,
}

/// A reference to the document that assigned a task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRef {
    /// The reference as printed (normalized whitespace).
    pub raw: String,
    /// Document type in words (`Kế hoạch`), where stated or implied by the symbol.
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    /// Number and symbol with spaces around `-` and `/` removed (`11-KH/BCĐ`).
    pub number: Option<String>,
    /// Date of the referenced document, `YYYY-MM-DD`.
    pub date: Option<String>,
}

/// A unit (body) named as lead or coordinating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRef {
    /// The unit as printed (one line, normalized).
    pub raw: String,
    /// Full name: the gazetteer expansion of an abbreviation, else `raw`.
    pub name: String,
}

/// The kind of a parsed deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeadlineKind {
    /// A calendar day.
    Date,
    /// A calendar month.
    Month,
    /// A quarter of a year.
    Quarter,
    /// A calendar year.
    Year,
    /// A span of years or dates.
    Range,
    /// Continuous work, possibly with a start.
    Ongoing,
    /// Every year.
    Annual,
    /// A stated interval other than a year.
    Periodic,
    /// Tied to an event or another document.
    Relative,
    /// Not understood; `raw` kept.
    Other,
}

/// A parsed deadline (thời gian hoàn thành).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// The cell or phrase as printed (normalized whitespace).
    pub raw: String,
    /// What kind of deadline it is.
    pub kind: DeadlineKind,
    /// First day of the period, `YYYY-MM-DD`.
    pub start: Option<String>,
    /// Last day of the period, `YYYY-MM-DD`.
    pub due: Option<String>,
    /// ISO 8601 duration of the recurrence (`P1Y`, `P3M`).
    pub recurrence: Option<String>,
}

/// Where in the input a task was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Location {
    /// 1-based page, where the input has pages.
    pub page: Option<u32>,
    /// 1-based line (text), row or paragraph ordinal (docx).
    pub line: Option<u32>,
}

/// Where in the input a task was found: its place and, for a row of a PDF
/// table, the row's box on that page.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
pub struct TaskSource {
    /// 1-based page, where the input has pages.
    pub page: Option<u32>,
    /// 1-based line (text), row or paragraph ordinal (docx).
    pub line: Option<u32>,
    /// `[x0, y0, x1, y1]` in PDF points (origin at the bottom left of the
    /// page, turned upright) of the task's row on `page`, with the rows
    /// joined to it there; PDF tables only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<[f64; 4]>,
    /// Whether the task was read by OCR from a page image (optional in
    /// the output, written only when true).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ocr: bool,
}

impl From<Location> for TaskSource {
    fn from(at: Location) -> Self {
        TaskSource {
            page: at.page,
            line: at.line,
            bbox: None,
            ocr: false,
        }
    }
}

impl From<TaskSource> for Location {
    fn from(source: TaskSource) -> Self {
        Location {
            page: source.page,
            line: source.line,
        }
    }
}

/// A problem found while extracting, never silently dropped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    /// Stable machine-readable code, e.g. `unit_column_ambiguous`.
    pub code: String,
    /// Human-readable explanation in English.
    pub message: String,
    /// 1-based page, where known.
    pub page: Option<u32>,
    /// 1-based line, where known.
    pub line: Option<u32>,
    /// `[x0, y0, x1, y1]` in PDF points on `page` of the table row the
    /// warning is about (a row seen but not used), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<[f64; 4]>,
}

impl Warning {
    /// A warning at a location.
    pub fn new(code: &str, message: impl Into<String>, at: impl Into<Location>) -> Self {
        let at = at.into();
        Warning {
            code: code.to_string(),
            message: message.into(),
            page: at.page,
            line: at.line,
            bbox: None,
        }
    }
}

/// One task record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// Stable key: `<document number or file stem>/<section number or '-'>/<number>`.
    pub id: String,
    /// The Roman-numeral part the task sits in.
    pub section: Option<Heading>,
    /// The numbered group the task sits in.
    pub group: Option<Heading>,
    /// The TT cell as printed, without a trailing `.`.
    pub number: String,
    /// Task name on one line.
    pub name: String,
    /// Documents that assigned the task.
    pub assigning_documents: Vec<DocumentRef>,
    /// Lead units (đơn vị chủ trì).
    pub lead_units: Vec<UnitRef>,
    /// Coordinating units (đơn vị phối hợp).
    pub coordinating_units: Vec<UnitRef>,
    /// Expected result or product.
    pub result: Option<String>,
    /// Id of the parent task for a sub-row task.
    pub parent: Option<String>,
    /// Every column no field takes, by its header as printed.
    pub extra_columns: BTreeMap<String, String>,
    /// The parsed deadline.
    pub deadline: Option<Deadline>,
    /// Where the task starts in the input.
    pub source: TaskSource,
    /// Problems with this task.
    pub warnings: Vec<Warning>,
}

impl Task {
    /// A task with its place and name set and nothing else yet. Its `id` is
    /// the upsert key `<document number or file stem>/<section number or
    /// '-'>/<number>`, built here only.
    pub fn new(
        doc_id: &str,
        section: Option<Heading>,
        group: Option<Heading>,
        number: &str,
        name: String,
        source: Location,
    ) -> Task {
        let section_number = section.as_ref().map(|s| s.number.as_str()).unwrap_or("-");
        Task {
            id: format!("{doc_id}/{section_number}/{number}"),
            section,
            group,
            number: number.to_string(),
            name,
            assigning_documents: Vec::new(),
            lead_units: Vec::new(),
            coordinating_units: Vec::new(),
            result: None,
            parent: None,
            extra_columns: BTreeMap::new(),
            deadline: None,
            source: source.into(),
            warnings: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_one_metadata_still_parses_and_new_keys_are_optional() {
        let old = r#"{"kind":"appendix","number":"11-KH/BCĐ","type":"Kế hoạch","issuer":null,"date":null,"title":null}"#;
        let meta: DocumentMeta = serde_json::from_str(old).expect("version 1 metadata parses");
        assert!(meta.recipients.is_empty() && meta.place.is_none());
        let written = serde_json::to_string(&meta).expect("serializes");
        assert!(!written.contains("recipients") && !written.contains("signer_name"));
        let with_place = DocumentMeta {
            place: Some("Hà Nội".into()),
            ..meta
        };
        assert!(serde_json::to_string(&with_place)
            .expect("serializes")
            .contains(r#""place":"Hà Nội""#));
    }
}
