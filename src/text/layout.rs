//! Column-preserving layout text (`pdftotext -layout`) as a page of
//! positioned words: a character's column is its x, its line is its y (a
//! monospace page). The words go through the same table engine as a PDF
//! page's glyphs ([`crate::layout::words_blocks`]), and pages (form
//! feeds) are joined as PDF pages are, so a table read from layout text
//! is the table read from the PDF.

use super::RawLine;
use crate::layout::merge::{join_pages, PageBlock};
use crate::layout::words::Word;
use crate::layout::{words_blocks, PageWords};
use crate::source_doc::Block;

/// How layout text maps to page coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct GridSettings {
    /// Width of one character column, in points.
    pub char_width: f64,
    /// Distance between two lines, in points.
    pub line_height: f64,
    /// Font size given to every word, in points (the table engine's gaps
    /// are shares of it: with the defaults one space is a word space and
    /// two or more separate columns).
    pub font_size: f64,
}

impl Default for GridSettings {
    fn default() -> Self {
        GridSettings {
            char_width: 6.5,
            line_height: 12.0,
            font_size: 10.0,
        }
    }
}

/// Read tables from layout text, or `None` when the text is not in layout
/// style (few lines with text separated by wide gaps) or holds no table.
pub fn detect(lines: &[RawLine<'_>]) -> Option<Vec<Block>> {
    if !is_layout_style(lines) {
        return None;
    }
    let settings = GridSettings::default();
    let mut pages: Vec<Vec<PageBlock>> = Vec::new();
    let mut open = None;
    for page in lines.chunk_by(|a, b| a.at.page == b.at.page) {
        let words = page_words(page, &settings);
        let (blocks, left_open) = words_blocks(
            PageWords {
                number: page[0].at.page.unwrap_or(1),
                words: &words,
                rulings: &[],
                fill_edges: &[],
                packed: true,
            },
            open.as_ref(),
        );
        pages.push(blocks);
        open = left_open;
    }
    let found = pages
        .iter()
        .flatten()
        .any(|b| matches!(b, PageBlock::Table(_)));
    found.then(|| join_pages(pages))
}

/// The words of one page of layout text; line `k` of the page lies at
/// `y = -k × line_height`.
fn page_words(lines: &[RawLine<'_>], settings: &GridSettings) -> Vec<Word> {
    let mut out = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let y = -(k as f64) * settings.line_height;
        let chars: Vec<char> = line.text.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if chars[i].is_whitespace() {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && !chars[i].is_whitespace() {
                i += 1;
            }
            out.push(Word {
                text: chars[start..i].iter().collect(),
                x0: start as f64 * settings.char_width,
                x1: i as f64 * settings.char_width,
                y,
                size: settings.font_size,
            });
        }
    }
    out
}

/// Layout text has many lines whose text is separated by wide gaps.
fn is_layout_style(lines: &[RawLine<'_>]) -> bool {
    let filled: Vec<&RawLine> = lines.iter().filter(|l| !l.text.trim().is_empty()).collect();
    let gapped = filled
        .iter()
        .filter(|l| l.text.trim().contains("   "))
        .count();
    filled.len() >= 5 && gapped * 5 >= filled.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Location;
    use crate::source_doc::Table;

    fn raw(text: &str) -> Vec<RawLine<'_>> {
        text.lines()
            .enumerate()
            .map(|(i, t)| RawLine {
                text: t,
                at: Location {
                    page: Some(1),
                    line: Some(i as u32 + 1),
                },
            })
            .collect()
    }

    #[test]
    fn a_layout_table_becomes_a_table() {
        let text = "\
TT    Tên nhiệm vụ                   Văn bản giao      Đơn vị chủ trì   Thời gian
1.    Xây dựng các ứng dụng          Kế hoạch số       Văn phòng        2026
      trong các cơ quan đảng         11-KH/BCĐ         Trung ương
2.    Rà soát quy trình, thủ tục     Kế hoạch số       Các cơ quan      Quý III/2026
                                     11-KH/BCĐ         đảng
";
        let blocks = detect(&raw(text)).expect("a table");
        let tables: Vec<&Table> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                Block::Line(_) => None,
            })
            .collect();
        assert_eq!(tables.len(), 1);
        let cells: Vec<Vec<&str>> = tables[0]
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
            .collect();
        assert_eq!(
            cells[1],
            [
                "1.",
                "Xây dựng các ứng dụng\ntrong các cơ quan đảng",
                "Kế hoạch số\n11-KH/BCĐ",
                "Văn phòng\nTrung ương",
                "2026"
            ]
        );
        assert_eq!(cells[2][4], "Quý III/2026");
    }
}
