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
use crate::source_doc::{Block, Row, Table, TextLine};

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
        let first = blocks.next();
        let mut continued = false;
        if let (Some(PageBlock::Table(next)), Some(k)) = (&first, last_table(&out)) {
            if let PageBlock::Table(prev) = &mut out[k] {
                if same_columns(prev, next) {
                    append(prev, next.clone());
                    continued = true;
                }
            }
            if continued {
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
    if let (Some(cut), Some(last)) = (rows.first(), prev.table.rows.last_mut()) {
        let is_cut = cut.cells.len() > 1
            && cut.cells.len() == last.cells.len()
            && cut.cells[0].text.is_empty()
            && last.cells.len() > 1;
        if is_cut {
            for (p, c) in last.cells.iter_mut().zip(&cut.cells) {
                if !c.text.is_empty() {
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
    use crate::source_doc::Cell;

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
