//! The summary at the top of the review page (document, counts, row
//! accounting, document warnings, rows seen but not used) and the task
//! records as a readable list.

use super::html::escape;
use crate::model::{Deadline, ExtractedDocument, Task, UnitRef, Warning};
use std::fmt::Write;

/// Warning code of a table row seen but not used.
const ROW_NOT_USED: &str = "row_without_number";

/// Whether a task needs a person's eye: a warning, or an empty name, lead
/// unit or deadline.
pub fn needs_attention(task: &Task) -> bool {
    !task.warnings.is_empty()
        || task.name.trim().is_empty()
        || task.lead_units.is_empty()
        || task.deadline.is_none()
}

/// "page 3, line 12" for a place, empty where nothing is known.
fn place(page: Option<u32>, line: Option<u32>) -> String {
    match (page, line) {
        (Some(p), Some(l)) => format!("page {p}, line {l}"),
        (Some(p), None) => format!("page {p}"),
        (None, Some(l)) => format!("line {l}"),
        (None, None) => String::new(),
    }
}

/// One warning as a list item, with its place.
fn warning_item(out: &mut String, w: &Warning) {
    let page = w
        .page
        .map(|p| format!(" data-page=\"{p}\""))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "<li class=\"warning\"{page}><code>{}</code> {} <span class=\"at\">{}</span></li>",
        escape(&w.code),
        escape(&w.message),
        escape(&place(w.page, w.line))
    );
}

/// An open list of warnings under a title; nothing when there are none.
fn warning_list(out: &mut String, class: &str, title: &str, warnings: &[&Warning]) {
    if warnings.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<details class=\"{class}\" open><summary>{title} ({})</summary><ul>",
        warnings.len()
    );
    for w in warnings {
        warning_item(out, w);
    }
    out.push_str("</ul></details>\n");
}

/// The summary block: what the document is, how many tasks need a look,
/// the row accounting and every document-level warning.
pub fn summary(out: &mut String, doc: &ExtractedDocument) {
    let meta = &doc.document;
    let heading = meta
        .title
        .as_deref()
        .or(meta.number.as_deref())
        .unwrap_or("(no title read)");
    let facts: Vec<String> = [
        meta.doc_type.clone(),
        meta.number.clone().map(|n| format!("số {n}")),
        meta.date.clone(),
        meta.issuer.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let facts = facts
        .iter()
        .map(|f| format!("{} · ", escape(f)))
        .collect::<String>();
    let _ = write!(
        out,
        "<header class=\"summary\">\n<div class=\"doc\"><h1>{}</h1><p class=\"meta\">{facts}<span class=\"file\">{}</span></p></div>\n",
        escape(heading),
        escape(&doc.source.path)
    );
    let tasks = &doc.tasks;
    let count = |f: &dyn Fn(&Task) -> bool| tasks.iter().filter(|t| f(t)).count();
    let warned = count(&|t| !t.warnings.is_empty());
    let no_lead = count(&|t| t.lead_units.is_empty());
    let no_deadline = count(&|t| t.deadline.is_none());
    let unused: Vec<&Warning> = doc
        .warnings
        .iter()
        .filter(|w| w.code == ROW_NOT_USED)
        .collect();
    let flag = |n: usize| if n > 0 { " flag" } else { "" };
    let a = &doc.accounting;
    let balanced = a.rows_seen == a.tasks_from_rows + a.joined + a.headings + a.as_warnings;
    let _ = writeln!(
        out,
        "<ul class=\"counts\">\
         <li><b>{}</b> tasks</li>\
         <li class=\"count{}\"><b>{warned}</b> with warnings</li>\
         <li class=\"count{}\"><b>{no_lead}</b> without lead unit</li>\
         <li class=\"count{}\"><b>{no_deadline}</b> without deadline</li>\
         <li class=\"count{}\"><b>{}</b> document warnings</li>\
         <li class=\"accounting{}\">Table rows: <b>{}</b> seen = {} tasks + {} joined + {} headings + \
         <span class=\"{}\">{} not used</span>{}</li></ul>",
        tasks.len(),
        flag(warned),
        flag(no_lead),
        flag(no_deadline),
        flag(doc.warnings.len()),
        doc.warnings.len(),
        if balanced { "" } else { " flag" },
        a.rows_seen,
        a.tasks_from_rows,
        a.joined,
        a.headings,
        if a.as_warnings > 0 { "flag" } else { "" },
        a.as_warnings,
        if balanced {
            ""
        } else {
            " (does not add up)"
        },
    );
    warning_list(out, "unused-rows", "Rows seen but not used", &unused);
    let others: Vec<&Warning> = doc
        .warnings
        .iter()
        .filter(|w| w.code != ROW_NOT_USED)
        .collect();
    warning_list(out, "doc-warnings", "Document warnings", &others);
    out.push_str(
        "<p class=\"keys\"><kbd>j</kbd>/<kbd>k</kbd> or <kbd>↓</kbd>/<kbd>↑</kbd> next/previous task · \
         <kbd>w</kbd> next task needing a look · click an outline or a record</p>\n</header>\n",
    );
}

/// Units as "name (as printed)" where the gazetteer expanded them.
fn units(units: &[UnitRef]) -> String {
    units
        .iter()
        .map(|u| {
            if u.name == u.raw {
                escape(&u.name).into_owned()
            } else {
                format!(
                    "{} <span class=\"raw\">({})</span>",
                    escape(&u.name),
                    escape(&u.raw)
                )
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A deadline as printed, with its kind and calendar bounds.
fn deadline(d: &Deadline) -> String {
    let kind = serde_json::to_value(d.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let mut bounds = match (&d.start, &d.due) {
        (Some(s), Some(e)) if s == e => s.clone(),
        (Some(s), Some(e)) => format!("{s} → {e}"),
        (Some(s), None) => format!("from {s}"),
        (None, Some(e)) => format!("by {e}"),
        (None, None) => "no dates".to_string(),
    };
    if let Some(r) = &d.recurrence {
        let _ = write!(bounds, ", every {r}");
    }
    format!(
        "{} <span class=\"kind kind-{kind}\">{kind}</span> <span class=\"bounds\">{}</span>",
        escape(&d.raw),
        escape(&bounds)
    )
}

/// One field of a task card; an empty value is shown and highlighted.
fn field(out: &mut String, label: &str, value: Option<String>, required: bool) {
    match value.filter(|v| !v.is_empty()) {
        Some(v) => {
            let _ = write!(out, "<dt>{}</dt><dd>{v}</dd>", escape(label));
        }
        None if required => {
            let _ = write!(
                out,
                "<dt>{}</dt><dd class=\"empty\">— empty —</dd>",
                escape(label)
            );
        }
        None => {}
    }
}

/// The task records as cards, numbered as their outlines are.
pub fn task_list(out: &mut String, doc: &ExtractedDocument) {
    if doc.tasks.is_empty() {
        out.push_str("<p class=\"no-tasks\">No tasks were extracted from this document.</p>\n");
        return;
    }
    for (i, task) in doc.tasks.iter().enumerate() {
        let k = i + 1;
        let attention = if needs_attention(task) {
            " attention"
        } else {
            ""
        };
        let page = task
            .source
            .page
            .map(|p| format!(" data-page=\"{p}\""))
            .unwrap_or_default();
        let line = task
            .source
            .line
            .map(|l| format!(" data-line=\"{l}\""))
            .unwrap_or_default();
        let name = if task.name.trim().is_empty() {
            "<span class=\"empty\">— no name —</span>".to_string()
        } else {
            escape(&task.name).into_owned()
        };
        let _ = writeln!(
            out,
            "<article class=\"task{attention}\" id=\"task-{k}\" data-task=\"{k}\"{page}{line} tabindex=\"-1\">\
             <h2><span class=\"badge\">{k}</span> <span class=\"tt\">{}</span> <span class=\"name\">{name}</span></h2>",
            escape(&task.number)
        );
        let within: Vec<String> = [&task.section, &task.group]
            .into_iter()
            .flatten()
            .map(|h| format!("{} {}", h.number, h.title))
            .collect();
        let _ = writeln!(
            out,
            "<p class=\"where\">{}{} <span class=\"id\">{}</span></p>",
            escape(&within.join(" › ")),
            escape(&format!(" · {}", place(task.source.page, task.source.line))),
            escape(&task.id)
        );
        out.push_str("<dl>");
        field(out, "Lead", Some(units(&task.lead_units)), true);
        field(
            out,
            "Coordinating",
            Some(units(&task.coordinating_units)),
            false,
        );
        field(out, "Deadline", task.deadline.as_ref().map(deadline), true);
        let documents: Vec<String> = task
            .assigning_documents
            .iter()
            .map(|d| escape(&d.raw).into_owned())
            .collect();
        field(out, "Documents", Some(documents.join("; ")), false);
        field(
            out,
            "Result",
            task.result.as_deref().map(|r| escape(r).into_owned()),
            false,
        );
        if let Some(parent) = &task.parent {
            field(out, "Sub-task of", Some(escape(parent).into_owned()), false);
        }
        for (header, value) in &task.extra_columns {
            field(out, header, Some(escape(value).into_owned()), false);
        }
        out.push_str("</dl>\n");
        if !task.warnings.is_empty() {
            out.push_str("<ul class=\"warnings\">");
            for w in &task.warnings {
                warning_item(out, w);
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</article>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DeadlineKind;

    #[test]
    fn a_deadline_shows_kind_and_bounds() {
        let d = Deadline {
            raw: "Quý III/2026".into(),
            kind: DeadlineKind::Quarter,
            start: Some("2026-07-01".into()),
            due: Some("2026-09-30".into()),
            recurrence: None,
        };
        let html = deadline(&d);
        assert!(html.contains("kind-quarter"), "{html}");
        assert!(html.contains("2026-07-01 → 2026-09-30"), "{html}");
    }

    #[test]
    fn empty_required_fields_are_shown_and_optional_ones_left_out() {
        let mut out = String::new();
        field(&mut out, "Lead", Some(String::new()), true);
        field(&mut out, "Result", None, false);
        assert_eq!(out, "<dt>Lead</dt><dd class=\"empty\">— empty —</dd>");
    }
}
