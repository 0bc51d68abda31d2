//! Table structure scored as the ICDAR 2013 table competition scores it:
//! by adjacency relations. Each non-empty cell is related to its nearest
//! non-empty neighbour to the right and below; a relation is the pair of
//! the two cells' texts and its direction. Comparing the relations of a
//! table read from a rendering with those of the same table read from its
//! source (a Word file's own table) measures how well the grid was rebuilt,
//! independently of row and column indices (a header split differently does
//! not shift every cell).
//!
//! Texts are compared with all whitespace removed: a rendering wraps cell
//! text onto new lines, and a line break is not part of the structure.

use crate::output::tables::{GridCell, TableLayout};
use std::collections::HashMap;

/// Where a cell's neighbour lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Direction {
    /// The nearest non-empty cell to the right, on a row the cell covers.
    Right,
    /// The nearest non-empty cell below, in a column the cell covers.
    Below,
}

/// One adjacency relation: (text of the cell, text of its neighbour, where
/// the neighbour lies), texts without whitespace.
pub type Relation = (String, String, Direction);

/// Counts of a comparison of relations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RelationScore {
    /// Relations of the reference table.
    pub expected: usize,
    /// Relations of the table read.
    pub found: usize,
    /// Relations in both (as a multiset).
    pub matched: usize,
}

impl RelationScore {
    /// Share of the reference relations found (1 when there are none).
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.expected)
    }

    /// Share of the relations read that are in the reference (1 when none were read).
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.found)
    }
}

/// The sum of two scores (to total over tables or documents).
impl std::ops::Add for RelationScore {
    type Output = RelationScore;

    fn add(self, other: RelationScore) -> RelationScore {
        RelationScore {
            expected: self.expected + other.expected,
            found: self.found + other.found,
            matched: self.matched + other.matched,
        }
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// The adjacency relations of a table.
pub fn relations(table: &TableLayout) -> Vec<Relation> {
    // Which cell covers each grid slot.
    let mut slot: HashMap<(usize, usize), usize> = HashMap::new();
    for (i, cell) in table.cells.iter().enumerate() {
        for r in cell.row..cell.row + cell.row_span {
            for c in cell.column..cell.column + cell.column_span {
                slot.insert((r, c), i);
            }
        }
    }
    let text =
        |cell: &GridCell| -> String { cell.text.chars().filter(|c| !c.is_whitespace()).collect() };
    let texts: Vec<String> = table.cells.iter().map(text).collect();
    let mut out = Vec::new();
    for (i, cell) in table.cells.iter().enumerate() {
        if texts[i].is_empty() {
            continue;
        }
        let mut neighbours: Vec<(usize, Direction)> = Vec::new();
        for r in cell.row..cell.row + cell.row_span {
            let right = (cell.column + cell.column_span..table.columns)
                .filter_map(|c| slot.get(&(r, c)).copied())
                .find(|&j| j != i && !texts[j].is_empty());
            neighbours.extend(right.map(|j| (j, Direction::Right)));
        }
        for c in cell.column..cell.column + cell.column_span {
            let below = (cell.row + cell.row_span..table.rows)
                .filter_map(|r| slot.get(&(r, c)).copied())
                .find(|&j| j != i && !texts[j].is_empty());
            neighbours.extend(below.map(|j| (j, Direction::Below)));
        }
        neighbours.sort_unstable();
        neighbours.dedup();
        out.extend(
            neighbours
                .into_iter()
                .map(|(j, dir)| (texts[i].clone(), texts[j].clone(), dir)),
        );
    }
    out
}

/// Compare the relations of a table read with those of its reference.
pub fn compare(reference: &TableLayout, read: &TableLayout) -> RelationScore {
    let expected = relations(reference);
    let found = relations(read);
    let mut pool: HashMap<&Relation, usize> = HashMap::new();
    for r in &expected {
        *pool.entry(r).or_default() += 1;
    }
    let mut matched = 0;
    for r in &found {
        if let Some(n) = pool.get_mut(r).filter(|n| **n > 0) {
            *n -= 1;
            matched += 1;
        }
    }
    RelationScore {
        expected: expected.len(),
        found: found.len(),
        matched,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::tables::table_layout;
    use crate::source_doc::{Cell, Row, Table};

    fn table(rows: &[&[&str]]) -> TableLayout {
        let rows = rows
            .iter()
            .map(|cells| Row {
                cells: cells.iter().map(|t| Cell::new(*t)).collect(),
                ..Row::default()
            })
            .collect();
        table_layout(1, &Table { rows })
    }

    #[test]
    fn relations_skip_empty_cells_and_ignore_line_breaks() {
        let t = table(&[&["TT", "Nội dung", "Hạn"], &["1", "", "2026"]]);
        let r = relations(&t);
        assert!(r.contains(&("1".into(), "2026".into(), Direction::Right)));
        assert!(!r.contains(&("Hạn".into(), "2026".into(), Direction::Right)));
        assert!(r.contains(&("Hạn".into(), "2026".into(), Direction::Below)));
        assert!(r.contains(&("TT".into(), "Nộidung".into(), Direction::Right)));
        assert_eq!(r.len(), 5);
    }

    #[test]
    fn a_split_row_loses_relations_and_adds_false_ones() {
        let reference = table(&[&["1", "Xây dựng\nkế hoạch", "Sở A"]]);
        let split = table(&[&["1", "Xây dựng", "Sở A"], &["", "kế hoạch", ""]]);
        let same = compare(&reference, &table(&[&["1", "Xây dựng kế hoạch", "Sở A"]]));
        assert_eq!((same.matched, same.expected, same.found), (2, 2, 2));
        let score = compare(&reference, &split);
        assert_eq!(score.matched, 0);
        assert_eq!(score.found, 3);
        assert!(score.precision() < 0.01 && score.recall() < 0.01);
    }
}
