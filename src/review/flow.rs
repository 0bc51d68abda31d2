//! A Word or text input as HTML: its paragraphs (or lines) and tables in
//! reading order, the row or paragraph where each task starts outlined and
//! numbered, and rows seen but not used marked.

use super::html::escape;
use super::records::needs_attention;
use crate::model::{ExtractedDocument, Location};
use crate::source_doc::{Block, Cell, SourceDoc};
use std::collections::HashMap;
use std::fmt::Write;

/// What is marked at one place of the input.
#[derive(Debug, Default)]
struct Marks {
    /// 1-based numbers of the tasks starting here.
    tasks: Vec<usize>,
    /// Whether one of them needs a look.
    attention: bool,
    /// Document warnings about this place (a row seen but not used).
    warnings: Vec<String>,
}

/// Marks by (page, line), for every place a task starts or a document
/// warning points at.
fn marks(doc: &ExtractedDocument) -> HashMap<(Option<u32>, u32), Marks> {
    let mut marks: HashMap<(Option<u32>, u32), Marks> = HashMap::new();
    for (i, task) in doc.tasks.iter().enumerate() {
        if let Some(line) = task.source.line {
            let m = marks.entry((task.source.page, line)).or_default();
            m.tasks.push(i + 1);
            m.attention |= needs_attention(task);
        }
    }
    for w in &doc.warnings {
        if let Some(line) = w.line {
            marks
                .entry((w.page, line))
                .or_default()
                .warnings
                .push(format!("{}: {}", w.code, w.message));
        }
    }
    marks
}

/// The attributes and number badges of an element at `at`.
fn marked(
    marks: &HashMap<(Option<u32>, u32), Marks>,
    at: Location,
    class: &str,
) -> (String, String) {
    let Some(m) = at.line.and_then(|l| marks.get(&(at.page, l))) else {
        return (format!(" class=\"{class}\""), String::new());
    };
    let mut classes = class.to_string();
    let mut attrs = String::new();
    let mut badges = String::new();
    if !m.tasks.is_empty() {
        classes.push_str(" task-mark");
        if m.attention {
            classes.push_str(" attention");
        }
        let ids: Vec<String> = m.tasks.iter().map(usize::to_string).collect();
        let _ = write!(attrs, " data-tasks=\"{}\"", ids.join(" "));
        for id in ids {
            let _ = write!(badges, "<span class=\"badge\">{id}</span>");
        }
    }
    if !m.warnings.is_empty() {
        classes.push_str(" unused");
        let _ = write!(attrs, " title=\"{}\"", escape(&m.warnings.join("\n")));
        badges.push_str("<span class=\"badge unused-badge\">!</span>");
    }
    (format!(" class=\"{classes}\"{attrs}"), badges)
}

/// The place of a block as shown in the gutter: `3:12` (page 3, line 12) or `12`.
fn gutter(at: Location) -> String {
    match (at.page, at.line) {
        (Some(p), Some(l)) => format!("{p}:{l}"),
        (None, Some(l)) => l.to_string(),
        (Some(p), None) => format!("{p}:"),
        (None, None) => String::new(),
    }
}

/// A cell as a table cell; a cell continuing a vertically merged one is
/// drawn dimmed (its text is a copy).
fn cell_html(out: &mut String, cell: &Cell) {
    let span = if cell.span > 1 {
        format!(" colspan=\"{}\"", cell.span)
    } else {
        String::new()
    };
    let class = if cell.continued {
        " class=\"cont\""
    } else {
        ""
    };
    let _ = write!(out, "<td{span}{class}>");
    for (i, line) in cell.text.lines().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        out.push_str(&escape(line));
    }
    out.push_str("</td>");
}

/// Append the whole input as HTML.
pub fn render(out: &mut String, source: &SourceDoc, doc: &ExtractedDocument) {
    let marks = marks(doc);
    out.push_str("<div class=\"flow\">\n");
    for block in &source.blocks {
        match block {
            Block::Line(line) => {
                let (attrs, badges) = marked(&marks, line.at, "ln");
                let _ = writeln!(
                    out,
                    "<p{attrs}><span class=\"gutter\">{}</span>{badges}{}</p>",
                    gutter(line.at),
                    escape(&line.text)
                );
            }
            Block::Table(table) => {
                out.push_str("<table class=\"src-table\">\n");
                for row in &table.rows {
                    let (attrs, badges) = marked(&marks, row.at, "row");
                    let _ = write!(
                        out,
                        "<tr{attrs}><th class=\"gutter\">{}{badges}</th>",
                        gutter(row.at)
                    );
                    for cell in &row.cells {
                        cell_html(out, cell);
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</table>\n");
            }
        }
    }
    out.push_str("</div>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_and_spanning_cells_are_marked_and_text_escaped() {
        let mut out = String::new();
        let cell = Cell {
            span: 2,
            continued: true,
            ..Cell::new("a<b\nc")
        };
        cell_html(&mut out, &cell);
        assert_eq!(out, "<td colspan=\"2\" class=\"cont\">a&lt;b<br>c</td>");
    }
}
