//! Tables whose cells are known (PDF geometry, Word XML): find the header
//! row, read the column model from it, drop repeated headers and column
//! numbering rows, and split group rows that span the table.

use super::columns::{ColumnModel, Role};
use super::numbering::RowNumber;
use super::rows::{RawRow, RawTable};
use crate::model::Location;
use crate::normalize::match_key;
use crate::source_doc::{Row, Table, TextLine};

/// Longest header label, in characters; longer cells are content.
const MAX_LABEL: usize = 80;

/// How many rows from the top the header may start at.
const HEADER_SEARCH: usize = 4;

/// Read a task table, or `None` when the table has no TT and name columns.
pub fn read_table(table: &Table) -> Option<RawTable> {
    let width = table.rows.iter().map(grid_width).max()?;
    let grid: Vec<Vec<String>> = table.rows.iter().map(|r| expand(r, width)).collect();
    let (h, model, used) = (0..grid.len().min(HEADER_SEARCH)).find_map(|h| header_at(&grid, h))?;
    let signature = model.signature();
    let mut rows = Vec::new();
    for (row, cells) in table.rows.iter().zip(&grid).skip(h + used) {
        // A repeated header has no row number in its TT cell.
        let numbered = model
            .index_of(Role::Number)
            .and_then(|n| cells.get(n))
            .is_some_and(|c| RowNumber::parse(c).is_some());
        let labels = cells.iter().all(|c| c.chars().count() <= MAX_LABEL);
        let repeated = !numbered
            && labels
            && ColumnModel::from_headers(cells).is_some_and(|m| m.signature() == signature);
        if repeated || is_column_numbering(cells) {
            continue;
        }
        let mut cells = split_spanning_group(row, cells, &model);
        if let Some(n) = model
            .index_of(Role::Number)
            .filter(|&n| continued_at(row, n))
        {
            // A TT cell merged down from the row above: this row is a
            // sub-row of that task, not a second task with its number.
            cells[n].clear();
        }
        rows.push(RawRow {
            cells,
            at: row.at,
            bbox: row.bbox,
            warnings: Vec::new(),
        });
    }
    Some(RawTable {
        model,
        rows,
        warnings: Vec::new(),
        rows_as_warnings: 0,
    })
}

/// The header starting at row `h`: one row, or two where the second row
/// names sub-columns under a spanning cell ("Đơn vị thực hiện" over
/// "Chủ trì" | "Phối hợp").
fn header_at(grid: &[Vec<String>], h: usize) -> Option<(usize, ColumnModel, usize)> {
    let first = &grid[h];
    if let Some(next) = grid.get(h + 1).filter(|r| is_sub_header(r)) {
        let merged: Vec<String> = first
            .iter()
            .zip(next)
            .map(|(a, b)| {
                if b.trim().is_empty() {
                    a.clone()
                } else {
                    format!("{} {}", a.trim(), b.trim())
                }
            })
            .collect();
        if let Some(model) = ColumnModel::from_headers(&merged) {
            return Some((h, model, 2));
        }
    }
    ColumnModel::from_headers(first).map(|m| (h, m, 1))
}

/// A second header row: short labels, no row number, some cells empty.
fn is_sub_header(row: &[String]) -> bool {
    let filled: Vec<&String> = row.iter().filter(|c| !c.trim().is_empty()).collect();
    !filled.is_empty()
        && filled.len() < row.len()
        && filled
            .iter()
            .all(|c| c.chars().count() <= 25 && RowNumber::parse(c).is_none())
        && filled.iter().any(|c| {
            let k = match_key(c);
            k.contains("chủ trì") || k.contains("phối hợp")
        })
}

/// A row that only numbers the columns: "1 2 3 4 5 6" or "(1) (2) (3)".
fn is_column_numbering(cells: &[String]) -> bool {
    let filled: Vec<&str> = cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    filled.len() >= 3
        && filled
            .iter()
            .enumerate()
            .all(|(i, c)| c.trim_matches(|ch| ch == '(' || ch == ')') == (i + 1).to_string())
}

/// Number of grid columns a row covers.
fn grid_width(row: &Row) -> usize {
    row.cells.iter().map(|c| c.span.max(1)).sum()
}

/// Whether the cell covering grid column `col` continues a vertical merge.
fn continued_at(row: &Row, col: usize) -> bool {
    let mut start = 0;
    for cell in &row.cells {
        let span = cell.span.max(1);
        if (start..start + span).contains(&col) {
            return cell.continued;
        }
        start += span;
    }
    false
}

/// The row's texts on the grid: a spanning cell's text in its first column.
fn expand(row: &Row, width: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(width);
    for cell in &row.cells {
        out.push(cell.text.clone());
        out.extend(std::iter::repeat_n(String::new(), cell.span.max(1) - 1));
    }
    out.resize(width, String::new());
    out
}

/// A group row written across the table ("1. Hoàn thiện thể chế") lands in
/// the number column: move the text after its number to the name column.
fn split_spanning_group(row: &Row, cells: &[String], model: &ColumnModel) -> Vec<String> {
    let mut cells = cells.to_vec();
    let (Some(num), Some(name)) = (model.index_of(Role::Number), model.index_of(Role::Name)) else {
        return cells;
    };
    let spans = row.cells.first().is_some_and(|c| c.span > 1);
    if spans && num < name && cells[name].trim().is_empty() {
        if let Some((number, rest)) = RowNumber::at_line_start(&cells[num].clone()) {
            cells[num] = number.printed;
            cells[name] = rest.to_string();
        }
    }
    cells
}

/// A table that is not a task table, as lines (cell by cell, row by row).
/// A cell merged over several rows is read once, in its first row (the
/// rows below hold copies of its text).
pub fn as_lines(table: &Table) -> Vec<TextLine> {
    let mut lines = Vec::new();
    for row in &table.rows {
        for cell in row.cells.iter().filter(|c| !c.continued) {
            for text in cell.text.lines().filter(|l| !l.trim().is_empty()) {
                lines.push(TextLine {
                    text: text.trim().to_string(),
                    indent: 0,
                    at: Location { ..row.at },
                });
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source_doc::Cell;

    #[test]
    fn a_cell_merged_over_rows_is_read_once() {
        let mut copy = Cell::new("1. Sở Tư pháp chủ trì.");
        copy.continued = true;
        let table = Table {
            rows: vec![
                Row {
                    cells: vec![Cell::new("1. Sở Tư pháp chủ trì."), Cell::new("")],
                    ..Row::default()
                },
                Row {
                    cells: vec![copy, Cell::new("x")],
                    ..Row::default()
                },
            ],
        };
        let texts: Vec<String> = as_lines(&table).into_iter().map(|l| l.text).collect();
        assert_eq!(texts, vec!["1. Sở Tư pháp chủ trì.", "x"]);
    }
}
