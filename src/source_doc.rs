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
}

impl Cell {
    /// A cell covering one column.
    pub fn new(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            span: 1,
            continued: false,
        }
    }
}
