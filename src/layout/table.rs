//! Words + a grid → a [`Table`] of cells.

use super::grid::Grid;
use super::lines::group_lines;
use super::words::Word;
use crate::model::Location;
use crate::source_doc::{Cell, Row, Table};

/// A table found on one page, with where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct PageTable {
    /// The table.
    pub table: Table,
    /// Top edge (y up), for reading order.
    pub top: f64,
    /// Column boundaries, left to right (to join page-spanning parts).
    pub xs: Vec<f64>,
    /// How far a boundary may move without changing the columns (half the
    /// free gap of a borderless table; 0 for ruled tables).
    pub slack: f64,
}

/// The text of a cell: its words as lines top to bottom, joined with `\n`.
pub fn cell_text(words: Vec<Word>) -> String {
    group_lines(words)
        .iter()
        .map(|l| l.text())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Fill a grid with the words whose centre falls in it; marks them in
/// `used`. Merged regions become one cell with a column span, copied into
/// every row they cover; rows with no text at all are dropped. `None` when
/// no word falls in the grid.
pub fn fill(grid: &Grid, words: &[Word], used: &mut [bool], page: u32) -> Option<PageTable> {
    let cols = grid.cols();
    let mut per_cell: Vec<Vec<Word>> = vec![Vec::new(); grid.rows() * cols];
    let mut any = false;
    for (i, w) in words.iter().enumerate() {
        if used[i] {
            continue;
        }
        if let Some((r, c)) = grid.locate(w.cx(), w.cy()) {
            per_cell[r * cols + c].push(w.clone());
            used[i] = true;
            any = true;
        }
    }
    if !any {
        return None;
    }
    let regions = grid.regions();
    let mut rows: Vec<Row> = (0..grid.rows())
        .map(|_| Row {
            cells: Vec::new(),
            at: Location {
                page: Some(page),
                line: None,
            },
        })
        .collect();
    for reg in &regions {
        let mut ws = Vec::new();
        for r in reg.r0..=reg.r1 {
            for c in reg.c0..=reg.c1 {
                // Every elementary cell is in exactly one region.
                ws.append(&mut per_cell[r * cols + c]);
            }
        }
        let text = cell_text(ws);
        for row in &mut rows[reg.r0..=reg.r1] {
            row.cells.push(Cell {
                text: text.clone(),
                span: reg.c1 - reg.c0 + 1,
            });
        }
    }
    // Regions arrive in row-major order of their top-left cell, so a region
    // reaching down from an earlier row lands after this row's own cells:
    // order each row's cells by their column.
    let mut starts: Vec<Vec<usize>> = vec![Vec::new(); grid.rows()];
    for reg in &regions {
        for s in &mut starts[reg.r0..=reg.r1] {
            s.push(reg.c0);
        }
    }
    for (row, start) in rows.iter_mut().zip(starts) {
        let mut paired: Vec<(usize, Cell)> = start.into_iter().zip(row.cells.drain(..)).collect();
        paired.sort_by_key(|(c, _)| *c);
        row.cells = paired.into_iter().map(|(_, cell)| cell).collect();
    }
    rows.retain(|r| r.cells.iter().any(|c| !c.text.is_empty()));
    if rows.is_empty() {
        return None;
    }
    Some(PageTable {
        table: Table { rows },
        top: grid.top(),
        xs: grid.xs.clone(),
        slack: 0.0,
    })
}
