//! Cells spanning rows of a table drawn with horizontal rules only.
//!
//! A table printed with horizontal rules and no vertical ones (a booktabs
//! style, an HTML table with `border-top` on its cells) is read by the
//! borderless engine: columns from the text, rows from the row numbers.
//! Its rules still say which cells span several rows: each cell draws the
//! rule above it, so between two rows a rule that stops short of a column
//! (or is absent over it) leaves that column's cell open across both
//! rows. The text of such a cell stands in its first row only; every row
//! it spans gets it (as the Word reading of the same table does), the
//! rows below as continued cells, as [`super::table::fill`] does for a
//! ruled grid's merged regions, so that [`super::merge`] can carry a cell
//! cut by a page break across it.

use super::table::PageTable;
use crate::pdf::content::Segment;
use crate::source_doc::{PageBox, Row};

/// Thresholds of reading row spans from horizontal rules.
#[derive(Debug, Clone, PartialEq)]
pub struct SpanSettings {
    /// A rule at most this far (points) inside the text of the row above
    /// or below still lies between the two rows (the rows' boxes reach a
    /// little under their baselines).
    pub gap_tolerance: f64,
    /// A rule piece reaching to within this distance (points) of a
    /// column's middle crosses the column.
    pub snap: f64,
    /// Rules between two rows mark them as ruled apart when they cross
    /// the number column (every row has a number cell of its own, which
    /// draws its rule) and at least this many columns in all; fewer (an
    /// underline, a stray stroke) or none say nothing about spans.
    pub min_ruled_columns: usize,
    /// The rule under a table's last row on a page lies at most this far
    /// (points) below the row's text.
    pub bottom_reach: f64,
}

impl Default for SpanSettings {
    fn default() -> Self {
        SpanSettings {
            gap_tolerance: 1.0,
            snap: 2.0,
            min_ruled_columns: 2,
            bottom_reach: 12.0,
        }
    }
}

/// Give the text of every cell that the page's horizontal rules show
/// spanning several rows to each row it spans, and note the columns the
/// rule under the last row leaves open (cells going on over the page
/// break). Only rows with one cell per column and a box take part; a row
/// spanning the table (a group heading) or a header row without box ends
/// every span. The number column (the first) never spans: each row has a
/// number of its own.
pub fn span_ruled_cells(table: &mut PageTable, rulings: &[Segment], settings: &SpanSettings) {
    let rows = &mut table.table.rows;
    let Some(ncols) = rows.iter().map(|r| r.cells.len()).max() else {
        return;
    };
    let plain = |row: &Row| {
        row.cells.len() == ncols && row.cells.iter().all(|c| c.span <= 1) && row.bbox.is_some()
    };
    let rules: Vec<&Segment> = rulings.iter().filter(|s| s.is_horizontal()).collect();
    if ncols < 2 || rules.is_empty() {
        return;
    }
    // A column's middle: the middle of all its cells' text on the page,
    // or (no text in it here) of its boundaries.
    let middles: Vec<Option<f64>> = (0..ncols)
        .map(|c| {
            let boxes = rows
                .iter()
                .filter(|r| plain(r))
                .filter_map(|r| r.cells[c].bbox);
            PageBox::union_all(boxes)
                .map(|b| (b.x0 + b.x1) / 2.0)
                .or_else(|| {
                    (table.xs.len() == ncols + 1).then(|| (table.xs[c] + table.xs[c + 1]) / 2.0)
                })
        })
        .collect();
    // The columns left open by the rules between heights `lo` and `hi`:
    // `None` when they do not rule rows apart.
    let open_between = |lo: f64, hi: f64| -> Option<Vec<bool>> {
        let between: Vec<&&Segment> = rules
            .iter()
            .filter(|s| {
                let y = (s.y0 + s.y1) / 2.0;
                y >= lo && y <= hi
            })
            .collect();
        let crossed: Vec<bool> = middles
            .iter()
            .map(|m| {
                m.is_some_and(|x| {
                    between
                        .iter()
                        .any(|s| s.x0 - settings.snap <= x && x <= s.x1 + settings.snap)
                })
            })
            .collect();
        let ruled = crossed.iter().filter(|c| **c).count();
        (crossed[0] && ruled >= settings.min_ruled_columns).then(|| {
            crossed
                .iter()
                .zip(&middles)
                .map(|(c, m)| !c && m.is_some())
                .collect()
        })
    };
    // open[r][c]: rows r and r + 1 are ruled apart, but not in column c.
    let open: Vec<Vec<bool>> = rows
        .windows(2)
        .map(|pair| {
            // Between the two rows' numbers: other cells' text may sit
            // across the rule (a cell spanning rows, centred in them). A
            // row without number (the rest of a row cut by the page break)
            // ends where its text does.
            let (above, below) = (&pair[0], &pair[1]);
            let number_box = |r: &Row| r.cells[0].bbox.or(r.bbox);
            match (number_box(above), number_box(below)) {
                (Some(a), Some(b)) if plain(above) && plain(below) => {
                    open_between(b.y1 - settings.gap_tolerance, a.y0 + settings.gap_tolerance)
                }
                _ => None,
            }
            .unwrap_or_else(|| vec![false; ncols])
        })
        .collect();
    for c in 1..ncols {
        let mut s = 0;
        while s < rows.len() {
            let mut e = s;
            while e < open.len() && open[e][c] {
                e += 1;
            }
            if e > s {
                spread(&mut rows[s..=e], c);
            }
            s = e + 1;
        }
    }
    table.open_below = rows
        .last()
        .filter(|r| plain(r))
        .and_then(|r| r.bbox)
        .and_then(|b| open_between(b.y0 - settings.bottom_reach, b.y0 + settings.gap_tolerance))
        .map(|open| (1..ncols).filter(|&c| open[c]).collect())
        .unwrap_or_default();
}

/// One cell over `rows` in column `c`: the rows' texts joined, in every
/// row, the rows below the first continuing it.
fn spread(rows: &mut [Row], c: usize) {
    let text = rows
        .iter()
        .map(|r| r.cells[c].text.as_str())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    let bbox = PageBox::union_all(rows.iter().filter_map(|r| r.cells[c].bbox));
    for (k, row) in rows.iter_mut().enumerate() {
        let cell = &mut row.cells[c];
        cell.text.clone_from(&text);
        cell.continued = k > 0;
        cell.bbox = bbox.or(cell.bbox);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source_doc::{Cell, Table};

    /// A row of cells at x = 0, 100, 200, … (each 50 wide) with text
    /// between heights `top` and `bottom`; "" is an empty cell.
    fn row(texts: &[&str], top: f64, bottom: f64) -> Row {
        let cells: Vec<Cell> = texts
            .iter()
            .enumerate()
            .map(|(c, t)| Cell {
                bbox: (!t.is_empty()).then_some(PageBox {
                    page: 1,
                    x0: c as f64 * 100.0,
                    y0: bottom,
                    x1: c as f64 * 100.0 + 50.0,
                    y1: top,
                }),
                ..Cell::new(*t)
            })
            .collect();
        Row {
            bbox: PageBox::union_all(cells.iter().filter_map(|c| c.bbox)),
            cells,
            ..Row::default()
        }
    }

    fn table(rows: Vec<Row>) -> PageTable {
        PageTable {
            table: Table { rows },
            top: 110.0,
            xs: vec![0.0, 100.0, 200.0, 300.0, 400.0],
            slack: 0.0,
            open_below: Vec::new(),
        }
    }

    fn rule(y: f64, x0: f64, x1: f64) -> Segment {
        Segment::new(x0, y, x1, y)
    }

    fn cells(table: &PageTable, c: usize) -> Vec<(String, bool)> {
        table
            .table
            .rows
            .iter()
            .map(|r| (r.cells[c].text.clone(), r.cells[c].continued))
            .collect()
    }

    #[test]
    fn a_rule_absent_over_a_column_spans_its_cell() {
        let mut t = table(vec![
            row(&["1", "Lập kế hoạch", "Sở A", "Hằng năm"], 100.0, 90.0),
            row(&["2", "Tổng kết", "Sở B", ""], 80.0, 70.0),
            row(&["3", "Báo cáo", "Sở C", "2026"], 60.0, 50.0),
            row(&["4", "Kiểm tra", "Sở D", ""], 40.0, 30.0),
        ]);
        // Each cell draws the rule above it: the deadline of row 1 spans
        // rows 1 and 2, so the rule between them stops at x = 300; the
        // rule under row 4 leaves the deadline open (it goes on over the
        // page break).
        let rulings = [
            rule(105.0, 0.0, 400.0),
            rule(85.0, 0.0, 300.0),
            rule(65.0, 0.0, 100.0),
            rule(65.0, 100.0, 400.0),
            rule(45.0, 0.0, 400.0),
            rule(25.0, 0.0, 300.0),
        ];
        span_ruled_cells(&mut t, &rulings, &SpanSettings::default());
        let due = cells(&t, 3);
        assert_eq!(due[0], ("Hằng năm".to_string(), false));
        assert_eq!(due[1], ("Hằng năm".to_string(), true));
        assert_eq!(due[2], ("2026".to_string(), false));
        assert_eq!(due[3], (String::new(), false));
        assert_eq!(cells(&t, 2)[1], ("Sở B".to_string(), false));
        assert_eq!(t.open_below, [3]);
    }

    #[test]
    fn rows_without_rules_between_them_keep_their_cells() {
        let rows = vec![
            row(&["1", "Lập kế hoạch", "Sở A", "Hằng năm"], 100.0, 90.0),
            row(&["2", "Tổng kết", "Sở B", ""], 80.0, 70.0),
        ];
        let mut t = table(rows.clone());
        span_ruled_cells(&mut t, &[], &SpanSettings::default());
        assert_eq!(t.table.rows, rows);
        // An underline under one cell is no row rule.
        span_ruled_cells(
            &mut t,
            &[rule(85.0, 100.0, 150.0)],
            &SpanSettings::default(),
        );
        assert_eq!(t.table.rows, rows);
        assert!(t.open_below.is_empty());
    }
}
