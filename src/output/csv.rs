//! `tasks.csv`: one flat row per task, UTF-8 (with a BOM by default so that
//! Excel shows Vietnamese correctly).

use crate::model::{ExtractedDocument, Task};

/// The CSV column names, in order.
pub const COLUMNS: &[&str] = &[
    "id",
    "source_file",
    "section_number",
    "section_title",
    "group_number",
    "group_title",
    "number",
    "name",
    "assigning_documents",
    "lead_units",
    "coordinating_units",
    "result",
    "deadline_raw",
    "deadline_kind",
    "deadline_start",
    "deadline_due",
    "deadline_recurrence",
    "parent",
    "extra_columns",
    "page",
    "warnings",
];

/// The UTF-8 byte order mark.
pub const BOM: &str = "\u{FEFF}";

/// The header line (with a BOM when asked).
pub fn header(bom: bool) -> String {
    let mut out = if bom { BOM.to_string() } else { String::new() };
    out.push_str(&record_line(
        COLUMNS.iter().map(|s| s.to_string()).collect(),
    ));
    out
}

/// The CSV rows of every task of a document.
pub fn task_rows(doc: &ExtractedDocument) -> String {
    doc.tasks
        .iter()
        .map(|t| record_line(task_fields(t, &doc.source.path)))
        .collect()
}

fn task_fields(t: &Task, source_file: &str) -> Vec<String> {
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    let join = |items: Vec<String>| items.join("; ");
    let deadline = t.deadline.as_ref();
    vec![
        t.id.clone(),
        source_file.to_string(),
        t.section
            .as_ref()
            .map(|h| h.number.clone())
            .unwrap_or_default(),
        t.section
            .as_ref()
            .map(|h| h.title.clone())
            .unwrap_or_default(),
        t.group
            .as_ref()
            .map(|h| h.number.clone())
            .unwrap_or_default(),
        t.group
            .as_ref()
            .map(|h| h.title.clone())
            .unwrap_or_default(),
        t.number.clone(),
        t.name.clone(),
        join(
            t.assigning_documents
                .iter()
                .map(|d| d.raw.clone())
                .collect(),
        ),
        join(t.lead_units.iter().map(|u| u.name.clone()).collect()),
        join(
            t.coordinating_units
                .iter()
                .map(|u| u.name.clone())
                .collect(),
        ),
        opt(&t.result),
        deadline.map(|d| d.raw.clone()).unwrap_or_default(),
        deadline
            .map(|d| {
                serde_json::to_value(d.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(String::from))
                    .unwrap_or_default()
            })
            .unwrap_or_default(),
        deadline.and_then(|d| d.start.clone()).unwrap_or_default(),
        deadline.and_then(|d| d.due.clone()).unwrap_or_default(),
        deadline
            .and_then(|d| d.recurrence.clone())
            .unwrap_or_default(),
        opt(&t.parent),
        t.extra_columns
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect::<Vec<_>>()
            .join(" | "),
        t.source.page.map(|p| p.to_string()).unwrap_or_default(),
        t.warnings
            .iter()
            .map(|w| format!("{}: {}", w.code, w.message))
            .collect::<Vec<_>>()
            .join(" | "),
    ]
}

/// One CSV record with CRLF line end, quoted only where needed.
pub fn record_line(fields: Vec<String>) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail for I/O reasons; a failure would only come
    // from the csv crate itself, and then the row is written empty.
    let _ = writer.write_record(&fields);
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}
