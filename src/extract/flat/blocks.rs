//! Reading-order text in blocks (poppler's `pdftotext` without `-layout`
//! on most HTML and many Word renderings): every table cell is one block of
//! lines, blocks are separated by blank lines, and the cells of a row come
//! in column order, empty cells simply absent. The header cells are blocks
//! too ("STT", "Nội dung công việc", "Cơ quan chủ\ntrì", ...) and repeat on
//! each page, sometimes in another order or with one label printed late.
//!
//! The blank lines are gone by the time lines reach the extractor, but each
//! line keeps its line number: a gap in the numbers (or a new page) starts
//! a block. In block mode the row assigner cuts cells only between blocks.

use super::super::columns::{classify, is_header_word, line_fits_header, ColumnModel, Role};
use super::super::deadline::is_clean_deadline;
use super::super::numbering::{is_forward, is_plausible_next, RowNumber};
use crate::source_doc::TextLine;
use regex::{Captures, Regex};
use std::sync::OnceLock;

/// Most lines a block of header labels may take (a label is a few words).
const MAX_LABEL_LINES: usize = 5;

/// Most words of one header label.
const MAX_LABEL_WORDS: usize = 6;

/// Whether each line starts a block: its line number is not the one after
/// the previous line's, or its page differs. Lines cut from one input line
/// (a run of spaces between two cells) share the block.
pub(super) fn block_starts(lines: &[TextLine]) -> Vec<bool> {
    let mut starts = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        let start = match i.checked_sub(1).map(|p| &lines[p]) {
            None => true,
            Some(prev) => match (prev.at.line, line.at.line) {
                (Some(a), Some(b)) => !(b == a || b == a + 1) || prev.at.page != line.at.page,
                _ => true,
            },
        };
        starts.push(start);
    }
    starts
}

/// The line range of the block starting at `i` (`i` itself when it does
/// not start one: then the rest of its block).
pub(super) fn block_at(starts: &[bool], i: usize) -> std::ops::Range<usize> {
    let end = (i + 1..starts.len())
        .find(|&j| starts[j])
        .unwrap_or(starts.len());
    i..end
}

/// Whether the block is one header label: a few lines of header words
/// only, the first capitalized (`"Cơ quan chủ\ntrì"`, `"Kết quả\ndự kiến"`).
fn label_of(texts: &[&str], block: std::ops::Range<usize>) -> Option<String> {
    if block.is_empty() || block.len() > MAX_LABEL_LINES {
        return None;
    }
    let lines = &texts[block];
    if !lines[0].starts_with(char::is_uppercase) {
        return None;
    }
    let mut in_parens = false;
    for line in lines {
        if !line_fits_header(line, in_parens) {
            return None;
        }
        in_parens = line.matches('(').count() > line.matches(')').count();
    }
    let label = lines.join(" ");
    let words: Vec<&str> = label.split_whitespace().collect();
    let all_header_words = words.iter().all(|w| {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        !core.is_empty() && is_header_word(core)
    });
    (words.len() <= MAX_LABEL_WORDS && all_header_words).then_some(label)
}

/// A line holding the number label alone ("STT", "TT") that ends its
/// block (a title right above may share its block).
fn is_number_label(texts: &[&str], starts: &[bool], i: usize) -> bool {
    block_at(starts, i).len() == 1 && classify(texts[i]) == Role::Number
}

/// The header labels from the number label at `i` on, and how many lines
/// they take.
fn labels_from(texts: &[&str], starts: &[bool], i: usize) -> (Vec<String>, usize, bool) {
    let mut labels = vec![texts[i].trim().to_string()];
    let mut j = i + 1;
    let mut multi_line = false;
    while j < texts.len() {
        let block = block_at(starts, j);
        let Some(label) = label_of(texts, block.clone()) else {
            break;
        };
        multi_line |= block.len() > 1;
        labels.push(label);
        j = block.end;
    }
    (labels, j - i, multi_line)
}

/// A table header written as blocks at line `i`: the number label alone,
/// then one block per label, then the first row's number. Block mode needs
/// evidence that blank lines separate cells, not lines: some label is a
/// block of several lines, and the block after the labels opens a row
/// (text interleaving a row's cells line by line may leave a few header
/// labels alone in blocks, but a row's lines after them).
pub(super) fn header_from_blocks(
    texts: &[&str],
    starts: &[bool],
    i: usize,
) -> Option<(ColumnModel, usize)> {
    if !is_number_label(texts, starts, i) {
        return None;
    }
    let (labels, used, multi_line) = labels_from(texts, starts, i);
    let row_follows = texts
        .get(i + used)
        .is_some_and(|t| RowNumber::at_line_start(t).is_some());
    if !multi_line || !row_follows {
        return None;
    }
    ColumnModel::from_headers(&labels).map(|m| (m, used))
}

/// Lines taken at `i` by a header printed again on a new page (the number
/// label and the label blocks after it, in any order), or by a lone label
/// block printed away from its header (a page's last label, late): both
/// mark a page break inside the table.
pub(super) fn page_break_at(texts: &[&str], starts: &[bool], i: usize) -> Option<usize> {
    if is_number_label(texts, starts, i) {
        return Some(labels_from(texts, starts, i).1);
    }
    if !starts[i] {
        return None;
    }
    let block = block_at(starts, i);
    let label = label_of(texts, block.clone())?;
    // A name label ("Nhiệm vụ") or a deadline cell made of header words
    // ("Hoàn thành") may well be a cell; any other label is not.
    let cell_like = classify(&label) == Role::Name || is_clean_deadline(&label);
    (!cell_like).then_some(block.len())
}

/// Whether a row number read at line `i` opens a row in block mode: one
/// that can follow the previous row, or (a table may show only part of a
/// numbering: "3.41" after "3") one further on that opens a block, ends
/// one alone and dotted ("5."; a bare "6" there is more often the end of
/// a broken date), or follows a numbered heading line, alone or before a
/// capitalized text.
pub(super) fn opens_row(
    prev: Option<&RowNumber>,
    number: &RowNumber,
    rest: &str,
    at: Edge,
) -> bool {
    if is_plausible_next(prev, number) {
        return true;
    }
    let forward = prev.is_none_or(|p| is_forward(p, number));
    let placed = at.starts_block
        || (at.ends_block && at.dotted && rest.is_empty())
        || at.after_numbered_line;
    forward && placed && (rest.is_empty() || rest.starts_with(char::is_uppercase))
}

/// Where a line sits among the blocks, for [`opens_row`].
#[derive(Debug, Clone, Copy)]
pub(super) struct Edge {
    /// The line starts a block.
    pub starts_block: bool,
    /// The line ends its block.
    pub ends_block: bool,
    /// The line before opened a row.
    pub after_numbered_line: bool,
    /// The number is printed with a dot ("5.", "3.11").
    pub dotted: bool,
}

impl Edge {
    /// Where line `i` sits.
    pub fn of(starts: &[bool], i: usize, line: &str, after_numbered_line: bool) -> Edge {
        Edge {
            starts_block: starts[i],
            ends_block: starts.get(i + 1).is_none_or(|&next| next),
            after_numbered_line,
            dotted: line
                .split_whitespace()
                .next()
                .is_some_and(|t| t.contains('.')),
        }
    }
}

/// A row number at the start of a line that did not open a row but reads
/// as one: dotted ("3.11.", "4."), and further on than the row above, or
/// opening a block with capitalized text (a row poppler printed out of
/// order, "3.62. Ban hành ..." after row 4.2). The line stays cell text
/// (poppler put it inside another cell's lines), and the reader names it
/// in a warning.
pub(super) fn stray_row_number(
    prev: Option<&RowNumber>,
    line: &str,
    starts_block: bool,
) -> Option<RowNumber> {
    let (number, rest) = RowNumber::at_line_start(line)?;
    let dotted = line.split_whitespace().next()?.contains('.');
    let out_of_order = starts_block && rest.starts_with(char::is_uppercase);
    (dotted && prev.is_some_and(|p| is_forward(p, &number) || out_of_order)).then_some(number)
}

/// A cell's text with what poppler's reading-order text loses at a line
/// end put back. poppler joins a line ending in a hyphen to the next and
/// drops the hyphen ("11-" + "KH/BCĐ" → "11KH/BCĐ", "08 -" + "QC/TW" →
/// "08 QC/TW", "2026 -" + "2027" → "2026 2027"): two years side by side
/// are a range, and in a document cell digits before a symbol with a slash
/// are a Party document number, always digits-hyphen-symbol.
pub(super) fn restore_line_ends(cell: &str, documents: bool) -> String {
    static YEARS: OnceLock<Regex> = OnceLock::new();
    static NUMBER: OnceLock<Regex> = OnceLock::new();
    let years = YEARS.get_or_init(|| {
        Regex::new(r"\b((?:19|20)[0-9]{2})( ?)((?:19|20)[0-9]{2})\b")
            .expect("static year range pattern is valid")
    });
    let number = NUMBER.get_or_init(|| {
        Regex::new(r"\b([0-9]{1,4})( ?)(\p{Lu}{2,}[\p{Lu}0-9]*(?:-[\p{Lu}0-9]+)*/\p{Lu})")
            .expect("static document number pattern is valid")
    });
    let dash = |c: &Captures| if c[2].is_empty() { "-" } else { " - " };
    let mut text = years
        .replace_all(cell, |c: &Captures| {
            format!("{}{}{}", &c[1], dash(c), &c[3])
        })
        .into_owned();
    if documents {
        text = number
            .replace_all(&text, |c: &Captures| {
                format!("{}{}{}", &c[1], dash(c), &c[3])
            })
            .into_owned();
    }
    text
}

/// A date a narrow column broke inside its year ("31/12/202" + "6"), as
/// one line; `None` when the two lines are not that.
pub(super) fn glue_broken_date(line: &str, next: &str) -> Option<String> {
    static DATE: OnceLock<Regex> = OnceLock::new();
    let date = DATE.get_or_init(|| {
        Regex::new(r"\b[0-9]{1,2}/[0-9]{1,2}/([0-9]{1,3})$").expect("static date pattern is valid")
    });
    let year_start = date.captures(line)?.get(1)?.as_str().len();
    let rest = next.trim();
    let completes = !rest.is_empty()
        && rest.chars().all(|c| c.is_ascii_digit())
        && year_start + rest.len() == 4;
    completes.then(|| format!("{line}{rest}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Location;

    fn lines(numbered: &[(u32, &str)]) -> Vec<TextLine> {
        numbered
            .iter()
            .map(|(n, t)| TextLine {
                text: t.to_string(),
                indent: 0,
                at: Location {
                    page: Some(1),
                    line: Some(*n),
                },
            })
            .collect()
    }

    #[test]
    fn a_header_of_blocks_is_read_label_by_label() {
        let ls = lines(&[
            (1, "STT"),
            (3, "Nội dung công việc"),
            (5, "Văn bản giao"),
            (7, "Cơ quan chủ"),
            (8, "trì"),
            (10, "Thời hạn"),
            (11, "hoàn"),
            (12, "thành"),
            (14, "3.1"),
        ]);
        let texts: Vec<&str> = ls.iter().map(|l| l.text.as_str()).collect();
        let starts = block_starts(&ls);
        let (model, used) = header_from_blocks(&texts, &starts, 0).expect("a header");
        assert_eq!(used, 8);
        assert_eq!(
            model.signature(),
            [
                Role::Number,
                Role::Name,
                Role::Documents,
                Role::Lead,
                Role::Deadline
            ]
        );
    }

    #[test]
    fn one_line_per_block_is_not_block_mode() {
        let ls = lines(&[(1, "STT"), (3, "Tên nhiệm vụ"), (5, "Văn bản giao")]);
        let texts: Vec<&str> = ls.iter().map(|l| l.text.as_str()).collect();
        assert!(header_from_blocks(&texts, &block_starts(&ls), 0).is_none());
        // Labels in blocks, but a row's interleaved lines after them.
        let ls = lines(&[
            (1, "TT"),
            (3, "Tên nhiệm vụ"),
            (5, "Văn bản giao"),
            (6, "nhiệm vụ"),
            (8, "công tác văn phòng"),
            (9, "27/3/2025"),
        ]);
        let texts: Vec<&str> = ls.iter().map(|l| l.text.as_str()).collect();
        assert!(header_from_blocks(&texts, &block_starts(&ls), 0).is_none());
    }

    #[test]
    fn a_late_label_marks_a_page_break_but_a_unit_does_not() {
        let ls = lines(&[
            (1, "Kết quả"),
            (2, "dự kiến"),
            (4, "Cơ quan đảng"),
            (5, "các cấp"),
        ]);
        let texts: Vec<&str> = ls.iter().map(|l| l.text.as_str()).collect();
        let starts = block_starts(&ls);
        assert_eq!(page_break_at(&texts, &starts, 0), Some(2));
        assert_eq!(page_break_at(&texts, &starts, 2), None);
        let ls = lines(&[(1, "Ghi chú"), (3, "Nhiệm vụ")]);
        let texts: Vec<&str> = ls.iter().map(|l| l.text.as_str()).collect();
        let starts = block_starts(&ls);
        assert_eq!(page_break_at(&texts, &starts, 0), Some(1));
        assert_eq!(page_break_at(&texts, &starts, 1), None);
    }

    #[test]
    fn hyphens_dropped_at_line_ends_are_restored() {
        assert_eq!(
            restore_line_ends("Kế hoạch số 11KH/BCĐ ngày\n27/3/2025", true),
            "Kế hoạch số 11-KH/BCĐ ngày\n27/3/2025"
        );
        assert_eq!(
            restore_line_ends("Quy chế số 08 QC/TW", true),
            "Quy chế số 08 - QC/TW"
        );
        assert_eq!(restore_line_ends("2026 2027", false), "2026 - 2027");
        assert_eq!(restore_line_ends("20252028", false), "2025-2028");
        assert_eq!(
            glue_broken_date("31/12/202", "6").as_deref(),
            Some("31/12/2026")
        );
        assert_eq!(glue_broken_date("31/12/2026", "15"), None);
        // A state document number, a unit with a number and a count stay.
        assert_eq!(
            restore_line_ends("Quyết định số 123/QĐ-TTg", true),
            "Quyết định số 123/QĐ-TTg"
        );
        assert_eq!(restore_line_ends("Ban 08 QC/TW", false), "Ban 08 QC/TW");
    }

    #[test]
    fn a_dotted_number_further_on_is_a_stray_row_number() {
        let prev = RowNumber::parse("3.8").unwrap();
        let stray = stray_row_number(Some(&prev), "3.11. công tác tổ chức,", false);
        assert_eq!(stray.map(|n| n.printed), Some("3.11".to_string()));
        assert!(stray_row_number(Some(&prev), "30 ngày làm việc", true).is_none());
        assert!(stray_row_number(Some(&prev), "2.1. nội dung", true).is_none());
        // A row printed out of order opens a block with its name.
        let back = stray_row_number(Some(&prev), "2.1. Ban hành Đề án", true);
        assert_eq!(back.map(|n| n.printed), Some("2.1".to_string()));
        assert!(stray_row_number(Some(&prev), "2.1. Ban hành Đề án", false).is_none());
    }

    #[test]
    fn a_partial_numbering_opens_rows_further_on() {
        let three = RowNumber::parse("3").unwrap();
        let later = RowNumber::parse("3.41").unwrap();
        let at = |starts_block, ends_block| Edge {
            starts_block,
            ends_block,
            after_numbered_line: false,
            dotted: true,
        };
        assert!(opens_row(
            Some(&three),
            &later,
            "Phát triển",
            at(true, false)
        ));
        assert!(!opens_row(
            Some(&three),
            &later,
            "ngày làm",
            at(true, false)
        ));
        assert!(!opens_row(Some(&three), &later, "", at(false, false)));
        assert!(opens_row(Some(&three), &later, "", at(false, true)));
        assert!(!opens_row(
            Some(&three),
            &later,
            "Phát triển",
            at(false, true)
        ));
        assert!(!opens_row(Some(&later), &three, "", at(true, false)));
        let bare = Edge {
            dotted: false,
            ..at(false, true)
        };
        assert!(!opens_row(
            Some(&later),
            &RowNumber::parse("6").unwrap(),
            "",
            bare
        ));
    }
}
