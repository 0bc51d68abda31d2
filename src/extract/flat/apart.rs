//! Reading-order text whose number column stands apart. On Word tables
//! printed by LibreOffice (and some other producers) poppler's reading
//! order writes a page's "TT" column as one run of bare row numbers
//! ("1.4.", "1.5.", "1.6.", ...), then the names of all its rows as one
//! block, then the other cells in an order set by their heights on the
//! page, empty cells absent and neighbouring cells sometimes interleaved
//! line by line:
//!
//! ```text
//! TT
//!
//! 1.8.
//!
//! 1.9.
//!
//! 2.
//! 2.1.
//!
//! Tên nhiệm vụ
//! hành và mô hình nghiệp      <- the end of 1.7's name, from the page before
//! ...
//! ```
//!
//! Which cell belongs to which row is lost in such text, so its rows are
//! not guessed: every row number seen is counted and named in a
//! `row_cells_apart` warning with its page and line, pointing the user to
//! the PDF or its `pdftotext -layout` text, which keep the positions.

use super::super::appendix_heading;
use super::super::columns::{classify, ColumnModel, Role};
use super::super::letter::closes_body;
use super::super::numbering::{forward_gap, is_forward, RowNumber};
use super::super::rows::RawTable;
use crate::model::Warning;
use crate::source_doc::TextLine;

/// When text counts as having its number column apart.
#[derive(Debug, Clone, Copy)]
pub(super) struct ApartSettings {
    /// Fewest bare row numbers in one run (consecutive lines, blank lines
    /// allowed between them, each number after the one before). Flat
    /// cell-by-cell text puts a row's name after its number, so a run of
    /// two can be a heading row and its first row; three cannot.
    pub min_run: usize,
    /// Most lines a header label may sit above the run ("TT") and still be
    /// taken into the table rather than left as document text.
    pub label_lines_before: usize,
    /// Largest step from one row number to the next counted one ("3.8" to
    /// "3.11" is 3: two numbers lost in the text); a larger one is a value
    /// in a cell ("46 -TB/TGV"), not a row.
    pub max_step: u32,
}

impl Default for ApartSettings {
    fn default() -> Self {
        ApartSettings {
            min_run: 3,
            label_lines_before: 2,
            max_step: 4,
        }
    }
}

/// Where the table with its number column apart sits among the lines, and
/// what was seen in it.
#[derive(Debug)]
pub(super) struct ApartTable {
    /// First line of the table (its header label, or its first number).
    pub start: usize,
    /// One past the table's last line: the next appendix heading or the
    /// closing ("Nơi nhận:") after its last row number, or the end of the
    /// text (cells of the last rows come after their numbers).
    pub end: usize,
    /// The table: no rows, every row number seen accounted as a warning.
    pub table: RawTable,
}

/// A line holding only a row number ("1.4.", "2", "III").
fn bare_number(text: &str) -> Option<RowNumber> {
    RowNumber::at_line_start(text)
        .filter(|(_, rest)| rest.is_empty())
        .map(|(n, _)| n)
}

/// The row numbers from line `run` on: the longest chain of numbers each a
/// short step after the one before (a row's number can be lost, or glued
/// into text), so that a number in a cell ("6", the end of a date broken
/// as "31/12/202" / "6") does not cut the chain. A number is bare, or opens
/// a line of text ("2.10 Bảo đảm ...", "5.8. của Bộ", a number printed
/// inside a block of cell text). A longer step is taken by a number
/// opening a heading ("7. Phát triển ...") or by a bare one in a column of
/// bare numbers (the numbering of an excerpt: "3." / "3.6.", or "3.45" /
/// "3.46").
fn row_numbers(
    lines: &[TextLine],
    run: usize,
    settings: &ApartSettings,
) -> Vec<(RowNumber, usize)> {
    let candidates: Vec<(RowNumber, usize, bool)> = lines
        .iter()
        .enumerate()
        .skip(run)
        .filter_map(|(i, line)| {
            let (n, rest) = RowNumber::at_line_start(&line.text)?;
            // A number before a sign ("46 -TB/TGV") is cell text, and so
            // is a Roman numeral before lowercase ("Đại hội" / "XIV của").
            let cell_text = !(rest.is_empty() || rest.starts_with(char::is_alphabetic))
                || n.is_roman() && rest.starts_with(char::is_lowercase);
            let long_step_ok = rest.starts_with(char::is_uppercase)
                || rest.is_empty() && in_number_column(lines, i, settings);
            (!cell_text).then_some((n, i, long_step_ok))
        })
        .collect();
    // chain[j]: length of the longest chain ending at candidate j, and the
    // candidate before it.
    let mut chain: Vec<(usize, Option<usize>)> = Vec::with_capacity(candidates.len());
    for (j, (n, _, long_step_ok)) in candidates.iter().enumerate() {
        let best = (0..j)
            .filter(|&i| {
                forward_gap(&candidates[i].0, n)
                    .is_some_and(|gap| gap <= settings.max_step || *long_step_ok)
            })
            .max_by_key(|&i| (chain[i].0, std::cmp::Reverse(i)));
        chain.push(match best {
            Some(i) => (chain[i].0 + 1, Some(i)),
            None => (1, None),
        });
    }
    let Some(mut at) = (0..chain.len()).max_by_key(|&j| (chain[j].0, std::cmp::Reverse(j))) else {
        return Vec::new();
    };
    let mut picked = vec![at];
    while let Some(before) = chain[at].1 {
        picked.push(before);
        at = before;
    }
    picked
        .into_iter()
        .rev()
        .map(|j| (candidates[j].0.clone(), candidates[j].1))
        .collect()
}

/// Whether the bare number on line `i` sits in a column of bare numbers:
/// the line before or after it (past a lone ".", the end of a number
/// wrapped in a narrow column: "3.45" / ".") holds a bare number a short
/// step from it.
fn in_number_column(lines: &[TextLine], i: usize, settings: &ApartSettings) -> bool {
    let Some(n) = bare_number(&lines[i].text) else {
        return false;
    };
    let not_dot = |l: &&TextLine| l.text.trim() != ".";
    let before = lines[..i].iter().rev().find(not_dot);
    let after = lines[i + 1..].iter().find(not_dot);
    let near = |a: &RowNumber, b: &RowNumber| forward_gap(a, b).is_some();
    before
        .and_then(|l| bare_number(&l.text))
        .is_some_and(|p| near(&p, &n))
        || after
            .and_then(|l| bare_number(&l.text))
            .is_some_and(|m| forward_gap(&n, &m).is_some_and(|gap| gap <= settings.max_step))
}

/// The first run, from line `from` on, of at least `min_run` bare row
/// numbers: its first line.
fn first_run(lines: &[TextLine], from: usize, settings: &ApartSettings) -> Option<usize> {
    let mut run_start = from;
    let mut run_len = 0;
    let mut prev: Option<RowNumber> = None;
    for (i, line) in lines.iter().enumerate().skip(from) {
        if line.text.trim() == "." {
            continue;
        }
        match bare_number(&line.text) {
            Some(n) if prev.as_ref().is_some_and(|p| is_forward(p, &n)) => {
                run_len += 1;
                prev = Some(n);
            }
            Some(n) => {
                run_start = i;
                run_len = 1;
                prev = Some(n);
            }
            None => {
                run_len = 0;
                prev = None;
            }
        }
        if run_len >= settings.min_run {
            return Some(run_start);
        }
    }
    None
}

/// Find the table whose number column stands apart, if the text has one,
/// and account for every row number in it.
pub(super) fn find(lines: &[TextLine], settings: &ApartSettings) -> Option<ApartTable> {
    let mut from = 0;
    let run = loop {
        let run = first_run(lines, from, settings)?;
        if labels_task_table(lines, run) {
            break run;
        }
        from = run + 1;
    };
    let seen = row_numbers(lines, run, settings);
    let last = seen.last().map(|(_, i)| *i)?;
    let end = (last + 1..lines.len())
        .find(|&j| {
            let text = lines[j].text.as_str();
            appendix_heading(text).is_some() || closes_body(text)
        })
        .unwrap_or(lines.len());
    let start = (run.saturating_sub(settings.label_lines_before)..run)
        .find(|&j| classify(&lines[j].text) == Role::Number)
        .unwrap_or(run);
    let warnings = seen
        .iter()
        .map(|(n, i)| {
            Warning::new(
                "row_cells_apart",
                format!(
                    "row {} was seen, but this reading-order text prints the table's number \
                     column apart from the other cells, so which cells are the row's is lost; \
                     read the PDF or its `pdftotext -layout` text for this table",
                    n.printed
                ),
                lines[*i].at,
            )
        })
        .collect::<Vec<_>>();
    Some(ApartTable {
        start,
        end,
        table: RawTable {
            model: ColumnModel {
                columns: Vec::new(),
                year: None,
            },
            rows: Vec::new(),
            rows_as_warnings: warnings.len(),
            warnings,
        },
    })
}

/// Whether the page of line `at` or the page before (a header printed once,
/// on the first page) holds the header labels of a task table, each on a
/// short line of its own ("Tên nhiệm vụ"; "chủ trì", "phối hợp" or "Thời
/// hạn"): a form of statistics ("Chỉ tiêu", "Số liệu") also numbers its
/// rows in a column apart, but holds no tasks.
fn labels_task_table(lines: &[TextLine], at: usize) -> bool {
    let page = lines[at].at.page;
    let near = |p: Option<u32>| p == page || p.is_some_and(|p| Some(p + 1) == page);
    let labels = lines
        .iter()
        .filter(|l| near(l.at.page) && l.text.split_whitespace().count() <= MAX_LABEL_WORDS)
        .map(|l| classify(&l.text));
    let (mut name, mut other) = (false, false);
    for role in labels {
        name |= role == Role::Name;
        other |= matches!(role, Role::Lead | Role::Coordinating | Role::Deadline);
    }
    name && other
}

/// Most words of a line read as a header label.
const MAX_LABEL_WORDS: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines of `texts`, one per line, all on page 1.
    fn lines(texts: &[&str]) -> Vec<TextLine> {
        super::super::block_tests::numbered(&texts.join("\n"))
    }

    #[test]
    fn a_run_of_bare_numbers_accounts_every_row() {
        let text = lines(&[
            "PHỤ LỤC V",
            "TT",
            "1.8.",
            "1.9.",
            "2.",
            "2.1.",
            "Tên nhiệm vụ",
            "Xây dựng, bổ sung các",
            "2.2 Xây dựng Trung tâm dữ",
            "liệu của cơ quan đảng",
            "Kế hoạch số",
            "Đơn vị",
            "chủ trì",
            "2026",
        ]);
        let found = find(&text, &ApartSettings::default()).expect("a run of four numbers");
        assert_eq!(found.start, 1, "the TT label belongs to the table");
        assert_eq!(found.end, text.len());
        assert_eq!(found.table.rows_as_warnings, 5);
        let lines_named: Vec<Option<u32>> = found.table.warnings.iter().map(|w| w.line).collect();
        assert_eq!(
            lines_named,
            vec![Some(3), Some(4), Some(5), Some(6), Some(9)]
        );
        assert!(found.table.warnings[4].message.contains("row 2.2 "));
    }

    #[test]
    fn a_number_in_a_cell_does_not_cut_the_rows() {
        // "6" ends a date broken in its year; the rows go on at 3.11.
        let text = lines(&[
            "Nội dung công việc",
            "Cơ quan chủ trì",
            "3.8",
            "3.9",
            "3.10",
            "Kế hoạch số 11-KH/BCĐ ngày",
            "31/12/202",
            "6",
            "3.11",
            "3.12",
        ]);
        let found = find(&text, &ApartSettings::default()).expect("a run of three numbers");
        let named: Vec<&str> = found
            .table
            .warnings
            .iter()
            .filter_map(|w| w.message.split_whitespace().nth(1))
            .collect();
        assert_eq!(named, ["3.8", "3.9", "3.10", "3.11", "3.12"]);
    }

    #[test]
    fn numbers_followed_by_their_names_are_not_apart() {
        // Flat cell-by-cell text: each number is followed by its cells.
        let text = lines(&[
            "TT",
            "1.",
            "1.1.",
            "Xây dựng kế hoạch",
            "1.2.",
            "Rà soát quy trình",
            "2026",
        ]);
        assert!(find(&text, &ApartSettings::default()).is_none());
    }

    #[test]
    fn a_form_of_statistics_is_not_a_task_table() {
        let text = lines(&[
            "STT",
            "1.",
            "1.1.",
            "1.2.",
            "Chỉ tiêu thống kê",
            "Đơn vị tính",
            "Số liệu",
        ]);
        assert!(find(&text, &ApartSettings::default()).is_none());
    }

    #[test]
    fn a_number_that_goes_back_ends_the_run() {
        let text = lines(&["1.1.", "1.2.", "1.1.", "1.2."]);
        assert!(find(&text, &ApartSettings::default()).is_none());
    }
}
