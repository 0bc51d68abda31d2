//! The main document part (`word/document.xml`) in body order: paragraphs
//! become [`Block::Line`]s, top-level tables become [`Block::Table`]s.
//!
//! What is read, as Word shows it with all changes accepted:
//! - runs (`w:t`), tabs (as a space), line/page breaks (a new line within
//!   the paragraph or cell), non-breaking hyphens; soft hyphens dropped;
//! - automatic numbering: the label is put in front of the paragraph text;
//! - tracked changes: insertions and moves-to kept, deletions, moves-from
//!   and deleted table rows dropped, old formatting ignored;
//! - fields: only the displayed result, never the instruction;
//! - text boxes (`w:txbxContent` in drawings and VML shapes): their
//!   paragraphs are read where the anchoring run is, before the rest of the
//!   anchoring paragraph (in a cell: into the cell); other drawing content
//!   and the `mc:Fallback` copy are left out;
//! - comments and footnote/endnote marks: left out (a warning names a
//!   footnote referenced in a table cell);
//! - a table nested in a cell: its cells' lines are added to the outer
//!   cell's text in reading order (row by row, cell by cell), so the outer
//!   table keeps one row per visual row.
//!
//! `at.line` of every block is an ordinal in body order counting each
//! body-level paragraph and each row of a top-level table; the lines of one
//! paragraph split by manual breaks share its ordinal. `at.page` is `None`.

use super::legacy_hook;
use super::numbering::{ListCounter, Numbering};
use super::styles::{rfonts_font, Styles};
use super::table::{RawCell, RawRow, RawTable, VMerge};
use super::xml::{attr, int_val, local, on_off, Events};
use crate::model::{Location, Warning};
use crate::normalize::normalize_line;
use crate::source_doc::{Block, TextLine};
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};

/// Deepest nesting of tables, and of drawings and text boxes, read from a
/// Word file (real documents nest a few levels); deeper is malformed, since
/// every level copies the text of the levels inside it.
const MAX_NESTING: usize = 64;
use std::collections::HashMap;

/// Elements whose whole content is left out.
const SKIPPED: &[&str] = &[
    "del",
    "moveFrom",
    "delText",
    "delInstrText",
    "instrText",
    "pPrChange",
    "rPrChange",
    "tblPrChange",
    "tblPrExChange",
    "trPrChange",
    "tcPrChange",
    "sectPrChange",
    "numberingChange",
    "sdtPr",
    "Fallback",
];

/// What the walker produced.
#[derive(Debug, Default)]
pub struct Body {
    /// Lines and tables in body order.
    pub blocks: Vec<Block>,
    /// Footnotes referenced from table cells.
    pub warnings: Vec<Warning>,
}

/// A paragraph being read.
#[derive(Debug, Default)]
struct Para {
    style: Option<String>,
    num_id: Option<i64>,
    ilvl: Option<i64>,
    text: String,
    mark_deleted: bool,
}

/// A drawing or text box being read.
#[derive(Debug)]
enum Frame {
    /// Inside `w:drawing`, `w:pict` or `w:object`, outside any text box.
    Drawing,
    /// Inside `w:txbxContent`, with the anchoring paragraph's state saved.
    TextBox {
        para: Option<Para>,
        run: Option<Run>,
        in_t: bool,
    },
}

/// A run being read.
#[derive(Debug, Default)]
struct Run {
    style: Option<String>,
    font: Option<String>,
    hidden: bool,
    text: String,
}

/// The state of the walk over `document.xml`.
struct Walker<'a> {
    styles: &'a Styles,
    counter: ListCounter<'a>,
    footnotes: &'a HashMap<String, String>,
    out: Body,
    ordinal: u32,
    tables: Vec<RawTable>,
    para: Option<Para>,
    run: Option<Run>,
    /// Text of paragraphs whose mark was deleted, joined to the next one.
    carried: String,
    /// Open fields: `true` once past `separate` (showing the result).
    fields: Vec<bool>,
    /// Open fields not yet past `separate`: text shows only when none is.
    fields_hiding: usize,
    /// Tables, drawings or text boxes were nested deeper than [`MAX_NESTING`].
    too_deep: bool,
    in_t: bool,
    in_ppr: bool,
    in_trpr: bool,
    /// Depth inside a skipped element.
    skip: usize,
    /// Open drawings and the text boxes inside them, innermost last.
    frames: Vec<Frame>,
}

/// Walk `document.xml`; `Err` carries the XML error that stopped it.
pub fn read_body(
    xml: &str,
    styles: &Styles,
    numbering: &Numbering,
    footnotes: &HashMap<String, String>,
) -> Result<Body, String> {
    let mut w = Walker {
        styles,
        counter: ListCounter::new(numbering),
        footnotes,
        out: Body::default(),
        ordinal: 0,
        tables: Vec::new(),
        para: None,
        run: None,
        carried: String::new(),
        fields: Vec::new(),
        fields_hiding: 0,
        too_deep: false,
        in_t: false,
        in_ppr: false,
        in_trpr: false,
        skip: 0,
        frames: Vec::new(),
    };
    let mut events = Events::new(xml);
    while let Some(event) = events.next() {
        if w.skip > 0 {
            w.skipping(&event);
            continue;
        }
        match event {
            Event::Start(e) => w.start(&e, false, numbering),
            Event::Empty(e) => w.start(&e, true, numbering),
            Event::End(e) => w.end(e.local_name().into_inner(), numbering),
            Event::Text(t) if w.showing() => w.push_text(&t.xml10_content()),
            Event::CData(t) if w.showing() => w.push_text(&t.xml10_content()),
            Event::GeneralRef(r) if w.showing() => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    _ => resolve_predefined_entity(&r.xml10_content()).map(str::to_string),
                };
                if let Some(s) = resolved {
                    w.push_text(&s);
                }
            }
            _ => {}
        }
        if w.too_deep {
            return Err(format!(
                "tables, drawings or text boxes nested more than {MAX_NESTING} deep"
            ));
        }
    }
    if let Some(error) = events.error() {
        return Err(error.to_string());
    }
    if !w.carried.is_empty() {
        let carried = std::mem::take(&mut w.carried);
        w.ordinal += 1;
        w.emit_lines(&carried);
    }
    Ok(w.out)
}

impl Walker<'_> {
    /// Inside a skipped element: track its depth.
    fn skipping(&mut self, event: &Event<'_>) {
        match event {
            Event::Start(_) => self.skip += 1,
            Event::End(_) => self.skip -= 1,
            _ => {}
        }
    }

    /// Enter a drawing (only its text boxes are read).
    fn open_drawing(&mut self) {
        if self.frames.len() >= MAX_NESTING {
            self.too_deep = true;
        } else {
            self.frames.push(Frame::Drawing);
        }
    }

    /// Enter a text box: the anchoring paragraph waits until it ends.
    fn open_text_box(&mut self) {
        if self.frames.len() >= MAX_NESTING {
            self.too_deep = true;
            return;
        }
        self.frames.push(Frame::TextBox {
            para: self.para.take(),
            run: self.run.take(),
            in_t: std::mem::take(&mut self.in_t),
        });
    }

    /// Leave a text box and go on with the anchoring paragraph.
    fn close_text_box(&mut self) {
        if let Some(Frame::TextBox { para, run, in_t }) = self.frames.pop() {
            self.para = para;
            self.run = run;
            self.in_t = in_t;
        }
    }

    /// Whether text events are part of the displayed text now.
    fn showing(&self) -> bool {
        self.in_t && self.run.is_some() && self.fields_hiding == 0
    }

    fn push_text(&mut self, text: &str) {
        if let Some(run) = self.run.as_mut() {
            run.text.extend(text.chars().filter(|&c| c != '\u{00AD}'));
        }
    }

    fn push_char(&mut self, c: char) {
        if self.fields_hiding == 0 {
            if let Some(run) = self.run.as_mut() {
                run.text.push(c);
            }
        }
    }

    /// The location of what is being read: the current row or paragraph.
    fn location(&self) -> Location {
        Location {
            page: None,
            line: Some(self.ordinal.max(1)),
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool, numbering: &Numbering) {
        let name = local(e);
        if SKIPPED.contains(&name) {
            if self.in_trpr && name == "del" {
                if let Some(row) = self.tables.last_mut().and_then(RawTable::row) {
                    row.deleted = true;
                }
            } else if self.in_ppr && name == "del" {
                if let Some(p) = self.para.as_mut() {
                    p.mark_deleted = true;
                }
            } else if !empty {
                self.skip = 1;
            }
            return;
        }
        if matches!(self.frames.last(), Some(Frame::Drawing)) {
            // Inside a drawing only its text boxes are read.
            match name {
                "txbxContent" if !empty => self.open_text_box(),
                "drawing" | "pict" | "object" if !empty => self.open_drawing(),
                _ => {}
            }
            return;
        }
        match name {
            "drawing" | "pict" | "object" if !empty => self.open_drawing(),
            "tbl" if self.tables.len() >= MAX_NESTING => self.too_deep = true,
            "tbl" => self.tables.push(RawTable::default()),
            "tr" => {
                if self.tables.len() == 1 {
                    self.ordinal += 1;
                }
                let at = self.location();
                if let Some(t) = self.tables.last_mut() {
                    t.rows.push(RawRow {
                        at,
                        ..RawRow::default()
                    });
                }
            }
            "trPr" => self.in_trpr = !empty,
            "tblHeader" | "gridBefore" | "gridAfter" if self.in_trpr => {
                if let Some(row) = self.tables.last_mut().and_then(RawTable::row) {
                    let n = int_val(e).unwrap_or(0).clamp(0, 1000) as usize;
                    match name {
                        "tblHeader" => row.header = on_off(e),
                        "gridBefore" => row.grid_before = n,
                        _ => row.grid_after = n,
                    }
                }
            }
            "tc" => {
                if let Some(row) = self.tables.last_mut().and_then(RawTable::row) {
                    row.cells.push(RawCell {
                        span: 1,
                        ..RawCell::default()
                    });
                }
            }
            "gridSpan" | "vMerge" if self.para.is_none() => {
                if let Some(cell) = self.tables.last_mut().and_then(RawTable::cell) {
                    if name == "gridSpan" {
                        cell.span = int_val(e).unwrap_or(1).clamp(1, 1000) as usize;
                    } else {
                        cell.vmerge = match attr(e, "val").as_deref() {
                            Some("restart") => VMerge::Restart,
                            _ => VMerge::Continue,
                        };
                    }
                }
            }
            "p" => {
                self.para = Some(Para::default());
                if empty {
                    self.end("p", numbering);
                }
            }
            "pPr" => self.in_ppr = !empty,
            "pStyle" if self.in_ppr => {
                if let Some(p) = self.para.as_mut() {
                    p.style = attr(e, "val");
                }
            }
            "numId" | "ilvl" if self.in_ppr => {
                if let Some(p) = self.para.as_mut() {
                    if name == "numId" {
                        p.num_id = int_val(e);
                    } else {
                        p.ilvl = int_val(e);
                    }
                }
            }
            "r" if self.para.is_some() && !self.in_ppr => {
                self.run = Some(Run::default());
            }
            "rStyle" => {
                if let Some(run) = self.run.as_mut() {
                    run.style = attr(e, "val");
                }
            }
            "vanish" => {
                if let Some(run) = self.run.as_mut() {
                    run.hidden = on_off(e);
                }
            }
            "rFonts" => {
                if let Some(run) = self.run.as_mut() {
                    run.font = rfonts_font(e);
                }
            }
            "t" => self.in_t = !empty,
            "tab" if self.run.is_some() => self.push_char('\t'),
            "br" | "cr" if self.run.is_some() => self.push_char('\n'),
            "noBreakHyphen" => self.push_char('-'),
            "fldChar" => match attr(e, "fldCharType").as_deref() {
                Some("begin") => {
                    self.fields.push(false);
                    self.fields_hiding += 1;
                }
                Some("separate") => {
                    if let Some(top @ false) = self.fields.last_mut() {
                        *top = true;
                        self.fields_hiding -= 1;
                    }
                }
                Some("end") if self.fields.pop() == Some(false) => self.fields_hiding -= 1,
                _ => {}
            },
            "footnoteReference" | "endnoteReference" if !self.tables.is_empty() => {
                let id = attr(e, "id").unwrap_or_default();
                let note = if name == "footnoteReference" {
                    self.footnotes.get(&id).map(String::as_str)
                } else {
                    None
                };
                let at = self.location();
                let message = match note {
                    Some(text) => format!("table cell has a footnote: {text}"),
                    None => format!("table cell has a {name} (id {id})"),
                };
                self.out
                    .warnings
                    .push(Warning::new("docx_footnote_in_cell", message, at));
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str, numbering: &Numbering) {
        if matches!(self.frames.last(), Some(Frame::Drawing)) {
            if matches!(name, "drawing" | "pict" | "object") {
                self.frames.pop();
            }
            return;
        }
        match name {
            "txbxContent" => self.close_text_box(),
            "t" => self.in_t = false,
            "pPr" => self.in_ppr = false,
            "trPr" => self.in_trpr = false,
            "r" => {
                if let Some(run) = self.run.take().filter(|r| !r.hidden) {
                    let font = run.font.as_deref().or_else(|| {
                        let para_style = self.para.as_ref().and_then(|p| p.style.as_deref());
                        self.styles.font(
                            run.style.as_deref(),
                            self.styles.paragraph_style(para_style),
                        )
                    });
                    let text = legacy_hook(font.unwrap_or(""), &run.text);
                    if let Some(p) = self.para.as_mut() {
                        p.text.push_str(&text);
                    }
                }
            }
            "p" => self.end_paragraph(numbering),
            "tbl" => self.end_table(),
            _ => {}
        }
    }

    fn end_paragraph(&mut self, numbering: &Numbering) {
        let Some(para) = self.para.take() else {
            return;
        };
        self.run = None;
        let mut text = std::mem::take(&mut self.carried);
        text.push_str(&para.text);
        if para.mark_deleted {
            // Accepting the deletion of a paragraph mark joins the paragraph
            // to the next one, which keeps its own properties.
            self.carried = text;
            return;
        }
        let style = self.styles.paragraph_style(para.style.as_deref());
        let from_style = self.styles.numbering(style);
        let num_id = para.num_id.or(from_style.num_id).filter(|&n| n > 0);
        let label = num_id.and_then(|num_id| {
            let ilvl = para
                .ilvl
                .or(from_style.ilvl)
                .map(|l| l.clamp(0, 8) as usize)
                .or_else(|| style.and_then(|s| numbering.level_of_style(num_id, s)))
                .unwrap_or(0);
            self.counter.next_label(num_id, ilvl)
        });
        let text = match label {
            Some(label) => format!("{label} {text}"),
            None => text,
        };
        if self.tables.is_empty() {
            self.ordinal += 1;
        }
        self.emit_lines(&text);
    }

    /// Normalize the lines of a paragraph and add them to the current cell
    /// or, outside tables, to the blocks.
    fn emit_lines(&mut self, text: &str) {
        let lines = text
            .split('\n')
            .map(normalize_line)
            .filter(|l| !l.is_empty());
        match self.tables.last_mut() {
            Some(table) => {
                if let Some(cell) = table.cell() {
                    cell.lines.extend(lines);
                }
            }
            None => {
                let at = self.location();
                for text in lines {
                    self.out.blocks.push(Block::Line(TextLine {
                        text,
                        indent: 0,
                        at,
                    }));
                }
            }
        }
    }

    fn end_table(&mut self) {
        let Some(raw) = self.tables.pop() else {
            return;
        };
        let table = raw.resolve();
        if self.tables.is_empty() {
            self.out.blocks.push(Block::Table(table));
        } else if let Some(cell) = self.tables.last_mut().and_then(RawTable::cell) {
            for row in table.rows {
                for c in row.cells {
                    cell.lines.extend(
                        c.text
                            .split('\n')
                            .filter(|l| !l.is_empty())
                            .map(str::to_string),
                    );
                }
            }
        }
    }
}
