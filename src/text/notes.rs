//! Footnote marks in extracted text.
//!
//! A footnote mark is a small raised number after a word. Text extractors
//! that keep no font sizes print it as an ordinary digit, glued to the
//! word ("ngân sách1.") or after a space ("quan trọng 1."), while the
//! footnote itself sits lower on the same page: its number on a line of
//! its own (raised, so above the note's first line) and the note's text on
//! the next line, starting further right. A reader drops such a mark: the
//! word is "ngân sách", not "ngân sách1". A mark is dropped only where its
//! page holds the note and the mark is the one place above the note where
//! the number follows a word the way a mark does.

/// Highest footnote number taken for one (larger lone numbers are counts
/// or page numbers).
const MAX_NOTE: u32 = 99;

/// Share of a page's lines above which a footnote may not start (notes
/// sit at the foot of the page).
const NOTE_AREA: f64 = 0.5;

/// Characters that may close a phrase right after a mark ("tỉnh1.",
/// "(…QPPL4)", "“…”2,").
const AFTER_MARK: &[char] = &['.', ',', ';', ':', ')', '”', '"'];

/// The text with every footnote mark dropped (see the module comment).
/// Lines and pages keep their count; a mark is dropped with its leading
/// space, and the same count of spaces is added to the next wide gap of
/// its line, so text in columns keeps its columns.
pub fn strip_note_marks(text: &str) -> String {
    text.split('\u{0C}')
        .map(strip_page)
        .collect::<Vec<_>>()
        .join("\u{0C}")
}

fn strip_page(page: &str) -> String {
    let mut lines: Vec<String> = page.split('\n').map(str::to_string).collect();
    for (at, number) in notes(&lines) {
        let found: Vec<(usize, Mark)> = lines[..at]
            .iter()
            .enumerate()
            .flat_map(|(k, line)| marks(line, &number).into_iter().map(move |m| (k, m)))
            .collect();
        if let [(k, mark)] = found.as_slice() {
            lines[*k] = drop_mark(&lines[*k], mark);
        }
    }
    lines.join("\n")
}

/// Footnotes of a page: the line index and number of each lone number in
/// the lower part of the page ([`NOTE_AREA`]) followed by a line of prose
/// (letters, no wide gaps) that starts right of the number.
fn notes(lines: &[String]) -> Vec<(usize, String)> {
    let indent = |l: &str| l.chars().take_while(|c| c.is_whitespace()).count();
    let first = (lines.len() as f64 * NOTE_AREA).ceil() as usize;
    (first..lines.len().saturating_sub(1))
        .filter_map(|k| {
            let number = lines[k].trim();
            let next = lines[k + 1].trim_end();
            let value: u32 = number
                .parse()
                .ok()
                .filter(|_| number.chars().all(|c| c.is_ascii_digit()))?;
            ((1..=MAX_NOTE).contains(&value)
                && next.chars().any(char::is_alphabetic)
                && !next.trim().contains("   ")
                && indent(next) > indent(&lines[k]))
            .then(|| (k, number.to_string()))
        })
        .collect()
}

/// A mark in a line: the byte range to drop.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Mark {
    start: usize,
    end: usize,
}

/// The places in a line where `number` follows a word as a mark does:
/// glued to a letter and closing the word ("sách1.", "QPPL4 và"), or
/// after a letter and one space and before closing punctuation ("trọng
/// 1.", "ngành 4,").
fn marks(line: &str, number: &str) -> Vec<Mark> {
    let mut out = Vec::new();
    for (start, _) in line.match_indices(number) {
        let end = start + number.len();
        let before: Vec<char> = line[..start].chars().rev().take(2).collect();
        let after = &line[end..];
        let closes = |rest: &str| rest.is_empty() || rest.starts_with(char::is_whitespace);
        let glued = before.first().is_some_and(|c| c.is_alphabetic())
            && closes(after.trim_start_matches(AFTER_MARK));
        let spaced = before.first() == Some(&' ')
            && before.get(1).is_some_and(|c| c.is_alphabetic())
            && after.starts_with(['.', ',', ';', ':'])
            && closes(after.trim_start_matches(['.', ',', ';', ':']));
        if glued {
            out.push(Mark { start, end });
        } else if spaced {
            out.push(Mark {
                start: start - 1,
                end,
            });
        }
    }
    out
}

/// A line without a mark, the mark's width added to the next gap of three
/// or more spaces after it (if any).
fn drop_mark(line: &str, mark: &Mark) -> String {
    let width = line[mark.start..mark.end].chars().count();
    let rest = &line[mark.end..];
    let rest = match rest.find("   ") {
        Some(gap) => format!("{}{}{}", &rest[..gap], " ".repeat(width), &rest[gap..]),
        None => rest.to_string(),
    };
    format!("{}{rest}", &line[..mark.start])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str, notes: &str) -> String {
        format!("{body}\n{}{notes}", "\n".repeat(body.lines().count()))
    }

    #[test]
    fn drops_a_mark_whose_note_is_on_the_page() {
        let text = page(
            "b) Tiếp tục theo dõi các kiến nghị về tài chính,\nngân sách1.\nnhiệm vụ chính trị quan trọng 2.",
            "      1\n        Sở Công Thương, huyện Tuy Phong cũ.\n2\n    UBND tỉnh đã chỉ đạo tại Thông báo số 370/TB-UBND",
        );
        let out = strip_note_marks(&text);
        assert!(out.contains("\nngân sách.\n"), "{out}");
        assert!(out.contains("quan trọng.\n"), "{out}");
        assert_eq!(out.lines().count(), text.lines().count());
    }

    #[test]
    fn keeps_numbers_that_are_not_marks() {
        // No note on the page: "Quý 1." stays.
        let text = page("Hoàn thành trong Quý 1.", "");
        assert_eq!(strip_note_marks(&text), text);
        // A note, but the number after a word is part of a number
        // ("3.418") or the only candidate is not closing a phrase.
        let text = page(
            "đã thực hiện 3.418 hồ sơ; Quý 3 năm 2026",
            "3\n    Có 07 sở, ngành đang triển khai.",
        );
        assert_eq!(strip_note_marks(&text), text);
        // Two candidates: which one is the mark is unknown.
        let text = page(
            "tại khoản 1, Điều 2 và tỉnh1.",
            "1\n    Gồm: Sở Khoa học và Công nghệ.",
        );
        assert_eq!(strip_note_marks(&text), text);
        // A row number of a table on its own line is not a note: the
        // next line does not start right of it, or has wide gaps.
        let text = page(
            "Kế hoạch số 1.",
            "1\nXây dựng kế hoạch\n2\n   Rà soát   Sở Nội vụ   2026",
        );
        assert_eq!(strip_note_marks(&text), text);
    }

    #[test]
    fn keeps_columns_after_a_mark() {
        let mark = marks("Sở Nội vụ4   2026", "4")[0];
        assert_eq!(drop_mark("Sở Nội vụ4   2026", &mark), "Sở Nội vụ    2026");
    }
}
