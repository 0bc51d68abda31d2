//! Words + a grid → a [`Table`] of cells.

use super::grid::Grid;
use super::lines::group_lines;
use super::words::Word;
use crate::model::Location;
use crate::source_doc::{Cell, PageBox, Row, Table};

/// Grids with at least this many cells are checked for sparseness.
const SPARSE_MIN_CELLS: usize = 20;
/// A grid with text in fewer than this share of its cells is a chart's
/// gridlines, not a table.
const SPARSE_SHARE: f64 = 0.12;

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
    /// Columns (grid indices) whose last cell the table's rules leave
    /// open at the bottom of the page: it goes on in the first row of the
    /// table's continuation on the next page (see [`super::spans`]).
    pub open_below: Vec<usize>,
}

/// The text of a cell: its words as lines top to bottom, joined with `\n`.
/// A line of closing punctuation only ends the line above it: a narrow
/// cell wrapped "3.45." as "3.45" / ".".
pub fn cell_text(words: Vec<Word>) -> String {
    let mut lines: Vec<String> = Vec::new();
    for text in group_lines(words).iter().map(|l| l.text()) {
        match lines.last_mut() {
            _ if text.is_empty() => {}
            Some(above) if is_closing_punctuation(&text) => above.push_str(&text),
            _ => lines.push(text),
        }
    }
    lines.join("\n")
}

/// Whether a line is only closing punctuation (`.`, `,`, `;`, `:`, `)`).
pub(super) fn is_closing_punctuation(text: &str) -> bool {
    text.chars()
        .all(|c| matches!(c, '.' | ',' | ';' | ':' | ')'))
}

/// The extent of some words on a page (from a little below the baseline
/// to the top of the glyphs); `None` for no words.
pub fn words_box(words: &[Word], page: u32) -> Option<PageBox> {
    PageBox::union_all(words.iter().map(|w| PageBox {
        page,
        x0: w.x0,
        y0: w.y - w.size * 0.25,
        x1: w.x1,
        y1: w.top(),
    }))
}

/// A cell of a borderless table: its words' text, boxed by their extent.
pub fn words_cell(words: Vec<Word>, page: u32) -> Cell {
    let bbox = words_box(&words, page);
    Cell {
        bbox,
        ..Cell::new(cell_text(words))
    }
}

/// Box every row of a borderless table: its cells' extent, widened to the
/// table's left and right edges.
pub fn box_rows(rows: &mut [Row], left: f64, right: f64) {
    for row in rows {
        row.bbox = PageBox::union_all(row.cells.iter().filter_map(|c| c.bbox)).map(|b| PageBox {
            x0: b.x0.min(left),
            x1: b.x1.max(right),
            ..b
        });
    }
}

/// Fill a grid with the words whose centre falls in it; marks them in
/// `used`. A large grid with text in very few cells (chart gridlines) is
/// no table: `None`, its words left free. Merged regions become one cell with a column span, copied into
/// every row they cover; rows with no text at all are dropped. `None` when
/// no word falls in the grid.
pub fn fill(grid: &Grid, words: &[Word], used: &mut [bool], page: u32) -> Option<PageTable> {
    let cols = grid.cols();
    let mut per_cell: Vec<Vec<Word>> = vec![Vec::new(); grid.rows() * cols];
    let mut taken = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if used[i] {
            continue;
        }
        if let Some((r, c)) = grid.locate(w.cx(), w.cy()) {
            per_cell[r * cols + c].push(w.clone());
            used[i] = true;
            taken.push(i);
        }
    }
    if taken.is_empty() {
        return None;
    }
    let regions = grid.regions();
    let filled = regions
        .iter()
        .filter(|g| {
            (g.r0..=g.r1).any(|r| (g.c0..=g.c1).any(|c| !per_cell[r * cols + c].is_empty()))
        })
        .count();
    if regions.len() >= SPARSE_MIN_CELLS && (filled as f64) < SPARSE_SHARE * regions.len() as f64 {
        // A chart's gridlines around its labels, not a table: give the
        // words back to running text.
        for &i in &taken {
            used[i] = false;
        }
        return None;
    }
    let rect = |r0: usize, r1: usize, c0: usize, c1: usize| PageBox {
        page,
        x0: grid.xs[c0],
        y0: grid.ys[r1 + 1],
        x1: grid.xs[c1 + 1],
        y1: grid.ys[r0],
    };
    let mut rows: Vec<Row> = (0..grid.rows())
        .map(|r| Row {
            cells: Vec::new(),
            at: Location {
                page: Some(page),
                line: None,
            },
            bbox: Some(rect(r, r, 0, cols - 1)),
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
        for (k, row) in rows[reg.r0..=reg.r1].iter_mut().enumerate() {
            row.cells.push(Cell {
                text: text.clone(),
                span: reg.c1 - reg.c0 + 1,
                continued: k > 0,
                bbox: Some(rect(reg.r0, reg.r1, reg.c0, reg.c1)),
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
        open_below: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::grid::find_grids;
    use crate::pdf::content::Segment;

    fn lattice(n: usize) -> Grid {
        let mut rulings = Vec::new();
        for k in 0..=n {
            let at = k as f64 * 20.0;
            let end = n as f64 * 20.0;
            rulings.push(Segment {
                x0: 0.0,
                y0: at,
                x1: end,
                y1: at,
            });
            rulings.push(Segment {
                x0: at,
                y0: 0.0,
                x1: at,
                y1: end,
            });
        }
        find_grids(&rulings, &[]).remove(0)
    }

    fn word(text: &str, x0: f64, y: f64) -> Word {
        Word {
            text: text.into(),
            x0,
            x1: x0 + 10.0,
            y,
            size: 8.0,
        }
    }

    #[test]
    fn cells_get_their_words_in_lines() {
        let grid = lattice(2);
        let words = [
            word("a", 2.0, 25.0),
            word("b", 14.0, 25.5),
            word("c", 2.0, 32.0),
            word("d", 22.0, 5.0),
        ];
        let mut used = vec![false; words.len()];
        let t = fill(&grid, &words, &mut used, 1).expect("a table");
        assert!(used.iter().all(|u| *u));
        let texts: Vec<Vec<&str>> = t
            .table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
            .collect();
        assert_eq!(texts, [vec!["c\na b", ""], vec!["", "d"]]);
        let top = &t.table.rows[0];
        let row = top.bbox.expect("a ruled row has a box");
        assert_eq!(
            (row.page, row.x0, row.y0, row.x1, row.y1),
            (1, 0.0, 20.0, 40.0, 40.0)
        );
        let cell = top.cells[1].bbox.expect("a ruled cell has a box");
        assert_eq!(
            (cell.x0, cell.y0, cell.x1, cell.y1),
            (20.0, 20.0, 40.0, 40.0)
        );
    }

    #[test]
    fn a_wrapped_full_stop_ends_the_line_above() {
        let words = vec![
            word("3.45", 2.0, 30.0),
            word(".", 2.0, 20.0),
            word("Quý", 2.0, 10.0),
        ];
        assert_eq!(cell_text(words), "3.45.\nQuý");
    }

    #[test]
    fn borderless_rows_span_the_table_and_cells_their_words() {
        let mut rows = vec![Row {
            cells: vec![
                words_cell(vec![word("1", 5.0, 100.0)], 2),
                words_cell(vec![word("a", 30.0, 100.0), word("b", 30.0, 90.0)], 2),
            ],
            ..Row::default()
        }];
        box_rows(&mut rows, 0.0, 200.0);
        let b = rows[0].bbox.expect("a row with words has a box");
        assert_eq!((b.page, b.x0, b.x1), (2, 0.0, 200.0));
        assert!(b.y0 < 90.0 && b.y1 > 100.0, "{b:?}");
        let c = rows[0].cells[1].bbox.expect("a cell with words has a box");
        assert_eq!((c.x0, c.x1), (30.0, 40.0));
    }

    #[test]
    fn sparse_lattice_is_a_chart_not_a_table() {
        let grid = lattice(6);
        let words = [word("12,5", 2.0, 5.0), word("Quý I", 22.0, 5.0)];
        let mut used = vec![false; words.len()];
        assert!(fill(&grid, &words, &mut used, 1).is_none());
        assert!(used.iter().all(|u| !*u));
    }
}
