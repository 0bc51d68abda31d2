//! Column-preserving layout text (`pdftotext -layout`): character columns
//! stand for x positions, so a table's cells are the runs of text that fall
//! in each header column's range.
//!
//! The column ranges come from each table's header (re-read at every
//! repeated header, since positions drift from page to page). A body line
//! is cut into runs separated by two or more spaces; a run is given to the
//! column whose start it is nearest, and a run that reaches across the
//! next column's start (two cells separated by one space, where a wide cell
//! pushed its neighbour left) is cut at the space nearest that start.

use super::RawLine;
use crate::extract::columns::{classify, label_starts, line_fits_header, opens_header, Role};
use crate::extract::deadline::is_clean_deadline;
use crate::extract::docref::{find_date, starts_with_reference};
use crate::extract::flat::looks_documentary;
use crate::extract::numbering::RowNumber;
use crate::extract::units::{looks_like_unit, Gazetteer};
use crate::model::Location;
use crate::normalize::normalize_line;
use crate::source_doc::{Block, Cell, Row, Table, TextLine};
use std::sync::OnceLock;

/// A run of text on a line and the character column it starts at.
#[derive(Debug, Clone, PartialEq)]
struct Run {
    start: usize,
    text: String,
}

/// Rebuild tables from layout text, or `None` when the text is not in
/// layout style (few lines with text separated by wide gaps).
pub fn detect(lines: &[RawLine<'_>]) -> Option<Vec<Block>> {
    if !is_layout_style(lines) {
        return None;
    }
    let mut blocks = Vec::new();
    let mut i = 0;
    let mut found_table = false;
    while i < lines.len() {
        if let Some((columns, used)) = header_at(lines, i) {
            let (table, next) = read_table(lines, i, used, columns);
            blocks.push(Block::Table(table));
            found_table = true;
            i = next;
            continue;
        }
        for run in runs(lines[i].text) {
            let text = normalize_line(&run.text);
            if !text.is_empty() {
                blocks.push(Block::Line(TextLine {
                    text,
                    indent: run.start,
                    at: lines[i].at,
                }));
            }
        }
        i += 1;
    }
    found_table.then_some(blocks)
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

/// Runs of text separated by two or more spaces, with their start columns.
fn runs(line: &str) -> Vec<Run> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == ' ' {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        while end < chars.len() {
            if chars[end] == ' ' && chars.get(end + 1).is_none_or(|c| *c == ' ') {
                break;
            }
            end += 1;
        }
        out.push(Run {
            start,
            text: chars[start..end].iter().collect(),
        });
        i = end;
    }
    out
}

/// The table header starting at line `i`: the start column and label of
/// each column, and how many lines the header took.
fn header_at(lines: &[RawLine<'_>], i: usize) -> Option<(Vec<Run>, usize)> {
    let first = lines[i].text;
    if !opens_header(first.trim()) {
        return None;
    }
    let mut columns: Vec<Run> = split_label_runs(&runs(first));
    if columns.len() < 3 {
        return None;
    }
    let mut used = 1;
    for line in lines.iter().skip(i + 1).take(8) {
        let line_runs = runs(line.text);
        if line_runs.is_empty() {
            used += 1;
            continue;
        }
        let starts_row = line_runs
            .first()
            .is_some_and(|r| r.start <= columns[0].start + 2)
            && RowNumber::at_line_start(&line_runs[0].text).is_some();
        let labels = line_runs.iter().all(|r| line_fits_header(&r.text, false));
        if starts_row || !labels {
            break;
        }
        for run in line_runs {
            let c = nearest_column(&columns, run.start);
            columns[c].text.push(' ');
            columns[c].text.push_str(&run.text);
        }
        used += 1;
    }
    let roles: Vec<Role> = columns.iter().map(|c| classify(&c.text)).collect();
    let ok = roles.contains(&Role::Number) && roles.contains(&Role::Name);
    ok.then_some((columns, used))
}

/// Cut header runs that hold two labels separated by one space
/// ("Đơn vị chủ trì Đơn vị phối") at the label boundary.
fn split_label_runs(line_runs: &[Run]) -> Vec<Run> {
    let mut out = Vec::new();
    for run in line_runs {
        let words: Vec<&str> = run.text.split(' ').collect();
        let offsets: Vec<usize> = words
            .iter()
            .scan(run.start, |at, w| {
                let start = *at;
                *at += w.chars().count() + 1;
                Some(start)
            })
            .collect();
        let mut starts = label_starts(&words);
        starts.push(words.len());
        for w in starts.windows(2) {
            out.push(Run {
                start: offsets[w[0]],
                text: words[w[0]..w[1]].join(" "),
            });
        }
    }
    out
}

/// The column whose start is nearest a character column (ties to the left).
fn nearest_column(columns: &[Run], at: usize) -> usize {
    (0..columns.len())
        .min_by_key(|&c| columns[c].start.abs_diff(at))
        .unwrap_or(0)
}

/// Read the table body after its header; returns the table and the index
/// of the first line after it.
fn read_table(
    lines: &[RawLine<'_>],
    start: usize,
    header_len: usize,
    mut columns: Vec<Run>,
) -> (Table, usize) {
    let roles: Vec<Role> = columns.iter().map(|c| classify(&c.text)).collect();
    let header = Row {
        cells: columns
            .iter()
            .map(|c| Cell::new(normalize_line(&c.text)))
            .collect(),
        at: lines[start].at,
    };
    // Per row: cells, where it starts, whether its first line was one run
    // of text (no gap), and how many lines it has.
    let mut rows: Vec<(Vec<Vec<String>>, Location, bool, usize)> = Vec::new();
    let mut i = start + header_len;
    while i < lines.len() {
        if let Some((cols, used)) = header_at(lines, i) {
            let same = cols.iter().map(|c| classify(&c.text)).collect::<Vec<_>>() == roles;
            if !same {
                break;
            }
            columns = cols;
            i += used;
            continue;
        }
        let line_runs = runs(lines[i].text);
        if line_runs.is_empty() {
            i += 1;
            continue;
        }
        if ends_table(&line_runs, &columns) {
            break;
        }
        let cells = assign_runs(&line_runs, &columns);
        let number = cells[0].join(" ");
        let opens_row = RowNumber::at_line_start(number.trim()).is_some();
        if opens_row || rows.is_empty() {
            rows.push((
                vec![Vec::new(); columns.len()],
                lines[i].at,
                line_runs.len() == 1,
                0,
            ));
        }
        if let Some((row, _, _, count)) = rows.last_mut() {
            for (c, parts) in cells.into_iter().enumerate() {
                row[c].extend(parts);
            }
            *count += 1;
        }
        i += 1;
    }
    let mut table_rows = vec![header];
    for (cells, at, one_run, count) in rows {
        if one_run && count == 1 {
            // A group row written across the table: number and title.
            let text = cells
                .iter()
                .flatten()
                .cloned()
                .collect::<Vec<_>>()
                .join(" ");
            let mut cell = Cell::new(normalize_line(&text));
            cell.span = columns.len();
            table_rows.push(Row {
                cells: vec![cell],
                at,
            });
            continue;
        }
        let cells = cells
            .iter()
            .map(|parts| {
                Cell::new(
                    parts
                        .iter()
                        .map(|p| normalize_line(p))
                        .collect::<Vec<_>>()
                        .join("\n"),
                )
            })
            .collect();
        table_rows.push(Row { cells, at });
    }
    (Table { rows: table_rows }, i)
}

/// A line that is prose after the table: text in the number column that is
/// not a row number (number cells hold nothing else), one long run starting
/// left of the second column, or a Roman-numbered heading in capitals.
fn ends_table(line_runs: &[Run], columns: &[Run]) -> bool {
    let first = &line_runs[0];
    let span_end = first.start + first.text.chars().count();
    let numbered = RowNumber::at_line_start(&first.text);
    if numbered.as_ref().is_some_and(|(n, rest)| {
        n.is_roman()
            && rest
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
    }) {
        return true;
    }
    let in_number_column =
        classify(&columns[0].text) == Role::Number && first.start + 2 < columns[1].start;
    if in_number_column && numbered.is_none() {
        return true;
    }
    let last_start = columns.last().map(|c| c.start).unwrap_or(0);
    line_runs.len() == 1
        && numbered.is_none()
        && first.start < columns[1].start
        && span_end > last_start
}

/// Give each run (or part of a run) to a column.
fn assign_runs(line_runs: &[Run], columns: &[Run]) -> Vec<Vec<String>> {
    let roles: Vec<Role> = columns.iter().map(|c| classify(&c.text)).collect();
    let mut cells: Vec<Vec<String>> = vec![Vec::new(); columns.len()];
    for run in line_runs {
        let mut run = run.clone();
        let mut c = nearest_column(columns, run.start);
        while let Some(next) = columns.get(c + 1) {
            match split_at_boundary(&run, next.start, roles[c + 1]) {
                Some((left, right)) => {
                    cells[c].push(left.text);
                    run = right;
                    c += 1;
                }
                None => break,
            }
        }
        cells[c].push(run.text);
    }
    // The number column holds only the row number: the rest of its run
    // belongs to the name column.
    if cells.len() > 1 {
        if let Some(first) = cells[0].first().cloned() {
            if let Some((number, rest)) = RowNumber::at_line_start(first.trim()) {
                if !rest.is_empty() {
                    cells[0][0] = number.printed;
                    cells[1].insert(0, rest.to_string());
                }
            }
        }
    }
    cells
}

/// Where a run ends at or past the next column's start, it may hold the
/// start of that column's cell too (pdftotext leaves one space where a
/// wide cell pushed its neighbour left): cut before the tail that reads as
/// the next column's content, or, for a run reaching well past the start,
/// at the space nearest to it.
fn split_at_boundary(run: &Run, next_start: usize, next_role: Role) -> Option<(Run, Run)> {
    let chars: Vec<char> = run.text.chars().collect();
    let end = run.start + chars.len();
    if end + 1 < next_start {
        return None;
    }
    let spaces: Vec<usize> = (1..chars.len()).filter(|&k| chars[k] == ' ').collect();
    let fitting = spaces
        .iter()
        .copied()
        .filter(|&k| run.start + k + 1 + 12 >= next_start)
        .find(|&k| {
            let right: String = chars[k + 1..].iter().collect();
            fits_role(next_role, &right)
        });
    let cut = fitting.or_else(|| {
        (end > next_start + 2)
            .then(|| cut_near(&chars, run.start, next_start))
            .flatten()
    })?;
    let left: String = chars[..cut].iter().collect();
    let right: String = chars[cut + 1..].iter().collect();
    Some((
        Run {
            start: run.start,
            text: left,
        },
        Run {
            start: run.start + cut + 1,
            text: right,
        },
    ))
}

/// Whether text reads as the start of a cell of a column with this role.
fn fits_role(role: Role, text: &str) -> bool {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    let text = text.trim();
    match role {
        Role::Documents => {
            let opens = text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || text.starts_with("ngày");
            opens
                && looks_documentary(text)
                && (starts_with_reference(text)
                    || find_date(text).is_some()
                    || text.chars().any(|c| c.is_ascii_digit())
                    || text == "ngày")
        }
        Role::Deadline => is_clean_deadline(text) || text.starts_with("Quý"),
        r if r.is_units() => {
            text.starts_with(char::is_uppercase)
                && looks_like_unit(text, GAZETTEER.get_or_init(Gazetteer::builtin))
        }
        _ => false,
    }
}

/// The space (index into `chars`) nearest a character column, preferring
/// one before a word that can open a cell (a capital, a digit, a bullet).
fn cut_near(chars: &[char], start: usize, column: usize) -> Option<usize> {
    (1..chars.len())
        .filter(|&k| chars[k] == ' ')
        .min_by_key(|&k| {
            let opens = chars
                .get(k + 1)
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '-' | '+'));
            (start + k + 1).abs_diff(column) + if opens { 0 } else { 4 }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_split_on_wide_gaps() {
        let r = runs("1.1. Xây dựng   Kế hoạch số  2026");
        assert_eq!(
            r.iter()
                .map(|r| (r.start, r.text.as_str()))
                .collect::<Vec<_>>(),
            [(0, "1.1. Xây dựng"), (16, "Kế hoạch số"), (29, "2026")]
        );
    }

    #[test]
    fn header_labels_split_on_single_spaces() {
        let r = split_label_runs(&runs(
            "TT    Tên nhiệm vụ    Văn bản giao      Đơn vị chủ trì Đơn vị phối    Thời",
        ));
        let labels: Vec<&str> = r.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            labels,
            [
                "TT",
                "Tên nhiệm vụ",
                "Văn bản giao",
                "Đơn vị chủ trì",
                "Đơn vị phối",
                "Thời"
            ]
        );
    }

    #[test]
    fn a_run_across_a_column_start_is_cut() {
        let cols = runs("TT    Tên nhiệm vụ                             Văn bản giao");
        let line = "      trình, thủ tục thống nhất, đồng bộ về 11-KH/BCĐ";
        let cells = assign_runs(&runs(line), &cols);
        assert_eq!(cells[1], ["trình, thủ tục thống nhất, đồng bộ về"]);
        assert_eq!(cells[2], ["11-KH/BCĐ"]);
    }
}
