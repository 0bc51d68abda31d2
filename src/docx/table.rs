//! Tables as read from `w:tbl`, and their resolution into
//! [`crate::source_doc::Table`]: merged cells, gridBefore/gridAfter gaps and
//! repeated header rows.

use crate::model::Location;
use crate::source_doc::{Cell, Row, Table};
use std::collections::HashMap;

/// How a cell takes part in a vertical merge (`w:vMerge`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum VMerge {
    /// Not merged vertically.
    #[default]
    None,
    /// First cell of a vertical merge.
    Restart,
    /// Covered by the cell above.
    Continue,
}

/// A cell as written.
#[derive(Debug, Clone, Default)]
pub struct RawCell {
    /// Normalized lines of the cell's paragraphs (and nested tables).
    pub lines: Vec<String>,
    /// `w:gridSpan`.
    pub span: usize,
    /// `w:vMerge`.
    pub vmerge: VMerge,
}

/// A row as written.
#[derive(Debug, Clone, Default)]
pub struct RawRow {
    /// The cells in order.
    pub cells: Vec<RawCell>,
    /// Grid columns skipped before the first cell (`w:gridBefore`).
    pub grid_before: usize,
    /// Grid columns skipped after the last cell (`w:gridAfter`).
    pub grid_after: usize,
    /// Marked as a header row (`w:tblHeader`).
    pub header: bool,
    /// Deleted as a tracked change (`w:trPr/w:del`).
    pub deleted: bool,
    /// Where the row is.
    pub at: Location,
}

/// A table as written, rows in order.
#[derive(Debug, Clone, Default)]
pub struct RawTable {
    /// The rows in order.
    pub rows: Vec<RawRow>,
}

impl RawTable {
    /// The row being read.
    pub fn row(&mut self) -> Option<&mut RawRow> {
        self.rows.last_mut()
    }

    /// The cell being read.
    pub fn cell(&mut self) -> Option<&mut RawCell> {
        self.rows.last_mut()?.cells.last_mut()
    }

    /// Resolve merges and drop repeated headers and deleted rows.
    ///
    /// A vertically continued cell gets the text of the cell above it at the
    /// same grid column; columns skipped by `w:gridBefore`/`w:gridAfter`
    /// become one empty cell each, so cells stay aligned with the grid.
    /// Header rows are the leading rows marked `w:tblHeader` (or the first
    /// row when none is marked), plus a column-numbering row ("(1) (2) (3)")
    /// right after them; a later row marked `w:tblHeader` or with the same
    /// cell texts as a header row is a repeated header and dropped.
    pub fn resolve(self) -> Table {
        let mut rows: Vec<(Row, bool)> = Vec::new();
        let mut above: HashMap<usize, String> = HashMap::new();
        for raw in self.rows.into_iter().filter(|r| !r.deleted) {
            let mut cells = Vec::new();
            let mut here: HashMap<usize, String> = HashMap::new();
            let mut col = 0;
            if raw.grid_before > 0 {
                cells.push(gap(raw.grid_before));
                col += raw.grid_before;
            }
            for cell in raw.cells {
                let own = cell.lines.join("\n");
                let continued = cell.vmerge == VMerge::Continue && above.contains_key(&col);
                let text = match (cell.vmerge, above.get(&col)) {
                    (VMerge::Continue, Some(top)) if own.is_empty() || *top == own => top.clone(),
                    (VMerge::Continue, Some(top)) => format!("{top}\n{own}"),
                    _ => own,
                };
                here.insert(col, text.clone());
                let span = cell.span.max(1);
                cells.push(Cell {
                    text,
                    span,
                    continued,
                    bbox: None,
                });
                col += span;
            }
            if raw.grid_after > 0 {
                cells.push(gap(raw.grid_after));
            }
            above = here;
            rows.push((
                Row {
                    cells,
                    at: raw.at,
                    bbox: None,
                },
                raw.header,
            ));
        }
        Table {
            rows: drop_repeated_headers(rows),
        }
    }
}

/// An empty cell covering `span` skipped grid columns.
fn gap(span: usize) -> Cell {
    Cell {
        text: String::new(),
        span,
        continued: false,
        bbox: None,
    }
}

/// Keep the leading header rows, drop later copies (see [`RawTable::resolve`]).
/// A column-numbering row right after the headers ("1 2 3 4", "(1) (2) (3)")
/// counts as a header row too.
fn drop_repeated_headers(rows: Vec<(Row, bool)>) -> Vec<Row> {
    let mut leading = rows.iter().take_while(|(_, header)| *header).count().max(1);
    if rows
        .get(leading)
        .is_some_and(|(row, _)| is_column_numbering(row))
    {
        leading += 1;
    }
    let texts = |row: &Row| -> Vec<String> { row.cells.iter().map(|c| c.text.clone()).collect() };
    let headers: Vec<Vec<String>> = rows
        .iter()
        .take(leading)
        .map(|(r, _)| texts(r))
        .filter(|t| t.iter().any(|c| !c.is_empty()))
        .collect();
    rows.into_iter()
        .enumerate()
        .filter(|(i, (row, header))| *i < leading || !(*header || headers.contains(&texts(row))))
        .map(|(_, (row, _))| row)
        .collect()
}

/// Whether a row numbers the columns: its cells read 1, 2, 3, ... (each
/// optionally in parentheses), at least two of them.
fn is_column_numbering(row: &Row) -> bool {
    row.cells.len() >= 2
        && row.cells.iter().enumerate().all(|(i, cell)| {
            let t = cell.text.trim();
            let t = t
                .strip_prefix('(')
                .and_then(|t| t.strip_suffix(')'))
                .unwrap_or(t);
            t.parse::<usize>().ok() == Some(i + 1)
        })
}
