//! Column-preserving layout text (`pdftotext -layout`): character columns
//! stand for x positions, so a table's cells are the runs of text that fall
//! in each header column's range.

use super::RawLine;
use crate::source_doc::Block;

/// Rebuild tables from layout text, or `None` when the text is not in
/// layout style (no header line with several columns far apart).
pub fn detect(_lines: &[RawLine<'_>]) -> Option<Vec<Block>> {
    None
}
