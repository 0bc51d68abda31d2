//! What a front end hands to the extractor: the document as lines of running
//! text and tables of cells, in reading order.
//!
//! Every front end (plain text, PDF geometry, Word XML) produces a
//! [`SourceDoc`]; the extractor never looks at the original bytes. Text in a
//! `SourceDoc` is already normalized (NFC, legacy encodings decoded).

use crate::model::{InputKind, Location, Warning};

/// A document as seen by one front end.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceDoc {
    /// Which front end produced it.
    pub input_kind: InputKind,
    /// Number of pages, where the input has pages.
    pub pages: Option<u32>,
    /// Lines and tables in reading order.
    pub blocks: Vec<Block>,
    /// Problems the front end met (scanned pages, undecodable fonts, ...).
    pub warnings: Vec<Warning>,
    /// Pages read by OCR and their uncertain words (empty elsewhere).
    pub ocr: crate::ocr::OcrNotes,
}

/// One piece of a document in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A line of running text, or a fragment of a table a flat extractor broke up.
    Line(TextLine),
    /// A table whose cells are known (from PDF rulings, column alignment or Word XML).
    Table(Table),
}

/// A line of text with its place in the input.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    /// The text, normalized, without the line break.
    pub text: String,
    /// Count of leading spaces in the input line (a hint for empty cells in flat text).
    pub indent: usize,
    /// Where it was found.
    pub at: Location,
}

impl TextLine {
    /// A line of text with no indent and no known place (for text built
    /// in code rather than read from a file).
    pub fn plain(text: &str) -> Self {
        TextLine {
            text: text.to_string(),
            indent: 0,
            at: Location::default(),
        }
    }
}

/// A table with its cells resolved: merged cells copied into every row they
/// span, page-spanning parts already joined, repeated header rows kept (the
/// extractor recognizes and drops them).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Rows in reading order, the header row(s) first.
    pub rows: Vec<Row>,
}

/// One table row.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    /// Cells from left to right, one per grid column.
    pub cells: Vec<Cell>,
    /// Where the row starts.
    pub at: Location,
    /// The row's box on the page where it starts (PDF tables only).
    pub bbox: Option<PageBox>,
}

/// One table cell.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    /// The cell's lines joined with `\n`, normalized.
    pub text: String,
    /// How many grid columns the cell covers (1 for an ordinary cell).
    pub span: usize,
    /// The cell continues a vertically merged cell from the row above (its
    /// text is a copy of that cell's): a TT cell merged over several rows
    /// makes the lower rows sub-rows of the first.
    pub continued: bool,
    /// The cell's box (PDF tables only): the ruled region, or the words'
    /// extent in a borderless table; a merged cell's whole region.
    pub bbox: Option<PageBox>,
}

impl Cell {
    /// A cell covering one column.
    pub fn new(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            span: 1,
            continued: false,
            bbox: None,
        }
    }
}

/// A rectangle on one page of a PDF, in points, origin at the bottom left
/// of the page as nhiemvu reads it (turned upright where its text ran
/// along another axis).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PageBox {
    /// 1-based page number.
    pub page: u32,
    /// Left edge.
    pub x0: f64,
    /// Bottom edge.
    pub y0: f64,
    /// Right edge.
    pub x1: f64,
    /// Top edge.
    pub y1: f64,
}

impl PageBox {
    /// The smallest box holding both; `self` when `other` is on another page.
    pub fn union(self, other: PageBox) -> PageBox {
        if other.page != self.page {
            return self;
        }
        PageBox {
            page: self.page,
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }

    /// The union of some boxes (those on the first box's page); `None` when there are none.
    pub fn union_all(boxes: impl IntoIterator<Item = PageBox>) -> Option<PageBox> {
        boxes.into_iter().reduce(PageBox::union)
    }

    /// `[x0, y0, x1, y1]` rounded to 0.01 pt, as written in task records.
    pub fn corners(&self) -> [f64; 4] {
        [self.x0, self.y0, self.x1, self.y1].map(|v| (v * 100.0).round() / 100.0)
    }
}
