//! Joining tables that continue over a page break.
//!
//! A page that starts with a table continuing the table that ended the
//! previous page (the same header row again, or the same number of columns
//! at the same positions) is
//! appended to it: a header repeated at the top of the page (the same
//! texts as the table's first rows) is dropped, and a first row whose
//! first cell is empty — a row cut by the page break — is merged into the
//! previous row cell by cell. Page numbers between the two parts are dropped.

use super::table::PageTable;
use crate::source_doc::{Block, Cell, Row, Table, TextLine};

/// Column boundaries further apart than this (points) are different tables.
const COLUMN_TOLERANCE: f64 = 6.0;
/// Most header rows looked for at the top of a continuation.
const MAX_HEADER_ROWS: usize = 3;

/// A block of one page before page-spanning tables are joined.
#[derive(Debug, Clone, PartialEq)]
pub enum PageBlock {
    /// A line of running text.
    Line(TextLine),
    /// A table with its column boundaries.
    Table(PageTable),
}

/// Join the pages' blocks into one document, merging continued tables.
pub fn join_pages(pages: Vec<Vec<PageBlock>>) -> Vec<Block> {
    let mut out: Vec<PageBlock> = Vec::new();
    for blocks in pages {
        let mut blocks = blocks.into_iter().peekable();
        // Page furniture (a page number) before the first real block.
        let mut furniture = Vec::new();
        while let Some(PageBlock::Line(l)) = blocks.peek() {
            if !is_page_number(&l.text) {
                break;
            }
            furniture.extend(blocks.next());
        }
        let mut first = blocks.next();
        let mut continued = false;
        if let Some(k) = last_table(&out) {
            let joins = matches!(
                (&out[k], &first),
                (PageBlock::Table(prev), Some(PageBlock::Table(next))) if same_columns(prev, next)
            );
            if let (true, PageBlock::Table(prev), Some(PageBlock::Table(next))) =
                (joins, &mut out[k], first.take_if(|_| joins))
            {
                append(prev, next);
                continued = true;
                out.truncate(k + 1);
            }
        }
        if !continued {
            out.extend(furniture);
            out.extend(first);
        }
        out.extend(blocks);
    }
    out.into_iter()
        .map(|b| match b {
            PageBlock::Line(l) => Block::Line(l),
            PageBlock::Table(t) => Block::Table(drop_repeated_headers(t.table)),
        })
        .collect()
}

/// Drop later rows identical to the first row (a header row drawn again,
/// e.g. by a generator that repeats it before a split row).
fn drop_repeated_headers(mut table: Table) -> Table {
    let Some(header) = table.rows.first().cloned() else {
        return table;
    };
    if header.cells.iter().filter(|c| !c.text.is_empty()).count() < 2 {
        return table;
    }
    let mut first = true;
    table.rows.retain(|r| {
        let keep = first || !same_row(r, &header);
        first = false;
        keep
    });
    table
}

/// Index of the last block if it is a table, looking past trailing page numbers.
fn last_table(out: &[PageBlock]) -> Option<usize> {
    let k = out
        .iter()
        .rposition(|b| !matches!(b, PageBlock::Line(l) if is_page_number(&l.text)))?;
    matches!(out[k], PageBlock::Table(_)).then_some(k)
}

/// Whether `b` continues `a`: it repeats `a`'s header row, or its column
/// boundaries lie where `a`'s do.
fn same_columns(a: &PageTable, b: &PageTable) -> bool {
    let repeats_header = match (a.table.rows.first(), b.table.rows.first()) {
        (Some(x), Some(y)) => x.cells.len() > 2 && same_row(x, y),
        _ => false,
    };
    let tolerance = COLUMN_TOLERANCE + a.slack.max(b.slack);
    repeats_header
        || a.xs.len() == b.xs.len()
            && a.xs
                .iter()
                .zip(&b.xs)
                .skip(1)
                .take(a.xs.len().saturating_sub(2))
                .all(|(x, y)| (x - y).abs() <= tolerance)
}

fn same_row(a: &Row, b: &Row) -> bool {
    a.cells.len() == b.cells.len()
        && a.cells
            .iter()
            .zip(&b.cells)
            .all(|(x, y)| x.span == y.span && x.text == y.text)
}

fn append(prev: &mut PageTable, next: PageTable) {
    let mut rows = next.table.rows;
    let header = (1..=MAX_HEADER_ROWS.min(rows.len()).min(prev.table.rows.len()))
        .rev()
        .find(|&k| (0..k).all(|i| same_row(&prev.table.rows[i], &rows[i])))
        .unwrap_or(0);
    rows.drain(..header);
    if let (Some(cut), Some(last)) = (rows.first(), prev.table.rows.last()) {
        let is_cut = cut.cells.len() > 1
            && cut.cells.len() == last.cells.len()
            && cut.cells[0].text.is_empty()
            && last.cells.len() > 1;
        continue_merged_cells(&mut prev.table.rows, &mut rows, is_cut, &prev.open_below);
        if is_cut {
            let last = prev.table.rows.last_mut().expect("checked above");
            for (p, c) in last.cells.iter_mut().zip(&rows[0].cells) {
                // A continued cell was joined with the cell above already.
                if !c.text.is_empty() && !c.continued {
                    if !p.text.is_empty() {
                        p.text.push('\n');
                    }
                    p.text.push_str(&c.text);
                }
            }
            rows.remove(0);
        }
    }
    prev.table.rows.extend(rows);
    prev.xs = next.xs;
    prev.open_below = next.open_below;
}

/// Cells merged over several rows that a page break cut in two. A ruled
/// region at the top of the continuation continues the cell above it on
/// the previous page when it covers the cut row (the row the page break
/// split), or when it is empty yet spans several rows (a merged cell whose
/// text stayed on the previous page: Word and LibreOffice print a vertically
/// merged cell's text in its first part only), or when the rules under the
/// previous page's last row leave its column `open` (its text may then
/// stand on either side of the break). Its rows then carry the
/// joined text as continued cells, and the rows above the break that the
/// cell covers get the joined text too, so every row the cell spans reads it.
fn continue_merged_cells(prev: &mut [Row], next: &mut [Row], cut: bool, open: &[usize]) {
    let Some(first) = next.first() else {
        return;
    };
    let Some(last) = prev.last() else {
        return;
    };
    // (column start, span) of every cell of the first row that continues.
    let mut joins: Vec<(usize, usize, String)> = Vec::new();
    for (start, n) in starts(first) {
        let Some(p) = cell_at(last, start, n.span) else {
            continue;
        };
        let spans_rows = next
            .get(1)
            .and_then(|r| cell_at(r, start, n.span))
            .is_some_and(|c| c.continued);
        let ruled_open = open.contains(&start);
        let continues = cut || ruled_open || (n.text.is_empty() && spans_rows);
        if !continues || (p.text.is_empty() && !ruled_open) {
            continue;
        }
        let joined = [p.text.as_str(), n.text.as_str()]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        if joined.is_empty() {
            continue;
        }
        joins.push((start, n.span, joined));
    }
    for (start, span, joined) in joins {
        // The merged region below the break: the first row and the rows
        // continuing it.
        for (k, row) in next.iter_mut().enumerate() {
            match cell_at_mut(row, start, span) {
                Some(c) if k == 0 || c.continued => {
                    c.text.clone_from(&joined);
                    c.continued = true;
                }
                _ => break,
            }
        }
        // The region above the break: the last row up to the cell's first row.
        for row in prev.iter_mut().rev() {
            match cell_at_mut(row, start, span) {
                Some(c) => {
                    c.text.clone_from(&joined);
                    if !c.continued {
                        break;
                    }
                }
                None => break,
            }
        }
    }
}

/// A row's cells with the grid column each starts at.
fn starts(row: &Row) -> impl Iterator<Item = (usize, &Cell)> {
    row.cells.iter().scan(0, |at, c| {
        let start = *at;
        *at += c.span.max(1);
        Some((start, c))
    })
}

/// The cell of a row starting at grid column `start` and covering `span`.
fn cell_at(row: &Row, start: usize, span: usize) -> Option<&Cell> {
    starts(row)
        .find(|(s, c)| *s == start && c.span == span)
        .map(|(_, c)| c)
}

/// [`cell_at`], to change the cell.
fn cell_at_mut(row: &mut Row, start: usize, span: usize) -> Option<&mut Cell> {
    let k = starts(row).position(|(s, c)| s == start && c.span == span)?;
    row.cells.get_mut(k)
}

/// A line that is only a page number (`2`, `- 2 -`, `Trang 2`).
pub(crate) fn is_page_number(text: &str) -> bool {
    let t = text
        .trim()
        .trim_start_matches("Trang")
        .trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[&str]]) -> PageTable {
        PageTable {
            table: Table {
                rows: rows
                    .iter()
                    .map(|r| Row {
                        cells: r.iter().map(|t| Cell::new(*t)).collect(),
                        at: Default::default(),
                        bbox: None,
                    })
                    .collect(),
            },
            top: 800.0,
            xs: vec![0.0, 50.0, 200.0, 300.0],
            slack: 0.0,
            open_below: Vec::new(),
        }
    }

    fn texts(b: &Block) -> Vec<Vec<String>> {
        let Block::Table(t) = b else {
            panic!("not a table")
        };
        t.rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.clone()).collect())
            .collect()
    }

    #[test]
    fn joins_drops_header_and_merges_cut_row() {
        let p1 = vec![PageBlock::Table(table(&[
            &["TT", "Tên", "Hạn"],
            &["1", "Xây dựng", "2026"],
        ]))];
        let p2 = vec![
            PageBlock::Line(TextLine {
                text: "2".into(),
                indent: 0,
                at: Default::default(),
            }),
            PageBlock::Table(table(&[
                &["TT", "Tên", "Hạn"],
                &["", "ứng dụng", ""],
                &["2", "Rà soát", "2027"],
            ])),
        ];
        let blocks = join_pages(vec![p1, p2]);
        assert_eq!(blocks.len(), 1);
        assert_eq!(
            texts(&blocks[0]),
            vec![
                vec!["TT", "Tên", "Hạn"],
                vec!["1", "Xây dựng\nứng dụng", "2026"],
                vec!["2", "Rà soát", "2027"],
            ]
        );
    }

    /// Mark the cells at column `col` of the given rows as continuing the
    /// row above (a region merged down).
    fn merge_down(t: &mut PageTable, col: usize, rows: std::ops::Range<usize>) {
        for r in rows {
            t.table.rows[r].cells[col].continued = true;
        }
    }

    #[test]
    fn merged_cell_cut_by_a_page_break_reaches_every_row() {
        // Page 1: the document cell of rows 1-2 is merged down (its text
        // copied); page 2: rows 3-4 continue it, empty.
        let mut p1 = table(&[
            &["TT", "Tên", "Văn bản"],
            &["1", "a", "KH 11"],
            &["2", "b", "KH 11"],
        ]);
        merge_down(&mut p1, 2, 2..3);
        let mut p2 = table(&[&["3", "c", ""], &["4", "d", ""], &["5", "e", "KH 4"]]);
        merge_down(&mut p2, 2, 1..2);
        let blocks = join_pages(vec![vec![PageBlock::Table(p1)], vec![PageBlock::Table(p2)]]);
        let docs: Vec<String> = texts(&blocks[0]).iter().map(|r| r[2].clone()).collect();
        assert_eq!(
            docs,
            ["Văn bản", "KH 11", "KH 11", "KH 11", "KH 11", "KH 4"]
        );
    }

    #[test]
    fn merged_cell_over_a_cut_row_joins_its_parts_in_every_row() {
        // A deadline merged over rows 1-2, printed "Theo hệ" above the
        // break and "thống" below it, where row 1 is cut by the break.
        let p1 = table(&[&["TT", "Tên", "Hạn"], &["1", "a", "Theo hệ"]]);
        let mut p2 = table(&[&["", "a2", "thống"], &["2", "b", "thống"], &["3", "c", ""]]);
        merge_down(&mut p2, 2, 1..2);
        let blocks = join_pages(vec![vec![PageBlock::Table(p1)], vec![PageBlock::Table(p2)]]);
        assert_eq!(
            texts(&blocks[0]),
            vec![
                vec!["TT", "Tên", "Hạn"],
                vec!["1", "a\na2", "Theo hệ\nthống"],
                vec!["2", "b", "Theo hệ\nthống"],
                vec!["3", "c", ""],
            ]
        );
    }

    #[test]
    fn a_cell_the_rules_leave_open_goes_on_after_the_break() {
        // Horizontal rules only: the unit of rows 1-2 is open under row 2
        // (the last on page 1) and spans row 3 alone on page 2, where its
        // text stands.
        let mut p1 = table(&[&["TT", "Tên", "Đơn vị"], &["1", "a", ""], &["2", "b", ""]]);
        merge_down(&mut p1, 2, 2..3);
        p1.open_below = vec![2];
        let p2 = table(&[&["3", "c", "Sở A"], &["4", "d", "Sở B"]]);
        let blocks = join_pages(vec![vec![PageBlock::Table(p1)], vec![PageBlock::Table(p2)]]);
        let units: Vec<String> = texts(&blocks[0]).iter().map(|r| r[2].clone()).collect();
        assert_eq!(units, ["Đơn vị", "Sở A", "Sở A", "Sở A", "Sở B"]);
    }

    #[test]
    fn an_empty_single_cell_after_a_break_stays_empty() {
        // A cell ending at the page break is not continued by an empty
        // cell of one row below it.
        let p1 = table(&[&["TT", "Tên", "Hạn"], &["1", "a", "2026"]]);
        let p2 = table(&[&["2", "b", ""], &["3", "c", "2027"]]);
        let blocks = join_pages(vec![vec![PageBlock::Table(p1)], vec![PageBlock::Table(p2)]]);
        assert_eq!(texts(&blocks[0])[2], ["2", "b", ""]);
    }

    #[test]
    fn different_columns_are_not_joined() {
        let mut other = table(&[&["a", "b", "c"]]);
        other.xs = vec![0.0, 120.0, 200.0, 300.0];
        let blocks = join_pages(vec![
            vec![PageBlock::Table(table(&[&["TT", "Tên", "Hạn"]]))],
            vec![PageBlock::Table(other)],
        ]);
        assert_eq!(blocks.len(), 2);
    }
}
