//! Two neighbouring cells woven into one block of reading-order text.
//! Where the lines of two narrow cells share a baseline, poppler joins
//! them into one line, and the others come one after the other, so the
//! block of a lead cell and a partners cell reads
//!
//! ```text
//! Văn phòng Các cơ
//! Trung
//! quan, đơn
//! ương Đảng vị liên
//! quan
//! ```
//!
//! for "Văn phòng Trung ương Đảng" beside "Các cơ quan, đơn vị liên quan".
//! Where one of the two cells is a body the gazetteer knows in full, its
//! words are found in order at the start (left cell) or the end (right
//! cell) of the lines, and the other words make the other cell. poppler
//! also joins a line ending in a hyphen to the next one without it, so a
//! document number can be glued to the body's next word ("số 04-" beside
//! "chính" reads "số 04chính"): a word ending in the body's next word,
//! after a digit, is cut there, and the hyphen goes back.

use super::{looks_documentary, Piece};
use crate::extract::deadline::is_clean_deadline;
use crate::extract::docref::starts_with_reference;
use crate::extract::units::{looks_like_unit, Gazetteer};
use crate::normalize::match_key;

/// Fewest words of a known full name that can be found woven (two-word
/// names, "Trung ương", are too common in other text).
const MIN_NAME_WORDS: usize = 3;

/// The gazetteer's full names of [`MIN_NAME_WORDS`] words or more, as
/// match keys of their words, longest first.
pub(super) struct KnownNames(Vec<Vec<String>>);

impl KnownNames {
    /// The names of `gazetteer`.
    pub(super) fn of(gazetteer: &Gazetteer) -> KnownNames {
        let mut names: Vec<Vec<String>> = gazetteer
            .full_names()
            .map(|n| n.split_whitespace().map(match_key).collect::<Vec<_>>())
            .filter(|k| k.len() >= MIN_NAME_WORDS)
            .collect();
        names.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        names.dedup();
        KnownNames(names)
    }
}

/// Which cell of the two the known body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

/// The two cells of a woven block, each as lines, when one of them is a
/// body the gazetteer knows in full and the other reads as a cell of its
/// own (a unit, a document reference or a deadline: `other_fits`).
pub(super) fn unweave(
    lines: &[&str],
    names: &KnownNames,
    other_fits: impl Fn(&str) -> bool,
) -> Option<[Vec<String>; 2]> {
    if lines.len() < 2 {
        return None;
    }
    let words: Vec<Vec<&str>> = lines
        .iter()
        .map(|l| l.split_whitespace().collect())
        .collect();
    let keys: Vec<Vec<String>> = words
        .iter()
        .map(|line| line.iter().map(|w| match_key(w)).collect())
        .collect();
    let present: std::collections::HashSet<&str> =
        keys.iter().flatten().map(String::as_str).collect();
    // A name's first word stands on its own in the block.
    for name in names.0.iter().filter(|n| present.contains(n[0].as_str())) {
        for side in [Side::Left, Side::Right] {
            let Some([body, other]) = take_name(&words, &keys, name, side) else {
                continue;
            };
            let other_text = other.join(" ");
            let shared_line = body
                .iter()
                .zip(&other)
                .any(|(b, o)| !b.is_empty() && !o.is_empty());
            if !shared_line || !other_fits(&other_text) {
                continue;
            }
            let lines_of = |cell: Vec<String>| cell.into_iter().filter(|l| !l.is_empty()).collect();
            return Some(match side {
                Side::Left => [lines_of(body), lines_of(other)],
                Side::Right => [lines_of(other), lines_of(body)],
            });
        }
    }
    None
}

/// Take the words of `name` (match keys) in order from the start (left)
/// or the end (right) of the lines: per line, the body's part and the
/// other cell's part. `None` unless every word of the name is found and
/// the other cell keeps some text.
fn take_name(
    words: &[Vec<&str>],
    keys: &[Vec<String>],
    name: &[String],
    side: Side,
) -> Option<[Vec<String>; 2]> {
    let mut at = 0;
    let mut body: Vec<String> = Vec::with_capacity(words.len());
    let mut other: Vec<String> = Vec::with_capacity(words.len());
    // Once a line opens with the name's next words, the other cell has
    // ended: this line and the rest are the body's ("Minh; Tạp" / "chí
    // Cộng": a lead listing more bodies after a short reference).
    let mut body_only = false;
    for (line, keys) in words.iter().zip(keys) {
        let rest = &name[at..];
        let leading = keys.iter().zip(rest).take_while(|(a, b)| a == b).count();
        let (mine, theirs, matched) = if body_only {
            (line.join(" "), String::new(), leading)
        } else {
            match side {
                Side::Left => (
                    line[..leading].join(" "),
                    line[leading..].join(" "),
                    leading,
                ),
                Side::Right => match suffix_match(line, keys, rest) {
                    Some((k, glued)) => {
                        let cut = line.len() - k;
                        let mut mine: Vec<&str> = line[cut..].to_vec();
                        let mut theirs = line[..cut].join(" ");
                        if let Some((head, tail)) = glued {
                            // poppler dropped the hyphen ending the line there.
                            theirs = [theirs.as_str(), head].join(" ").trim().to_string() + "-";
                            mine[0] = tail;
                        }
                        (mine.join(" "), theirs, k)
                    }
                    None if at > 0 && leading > 0 => {
                        body_only = true;
                        (line.join(" "), String::new(), leading)
                    }
                    None => (String::new(), line.join(" "), 0),
                },
            }
        };
        at += matched;
        body.push(mine);
        other.push(theirs);
        if side == Side::Left && at == 0 {
            // The left cell opens the block: its first word comes first.
            return None;
        }
    }
    let found = at == name.len();
    let other_has_text = other.iter().any(|o| !o.is_empty());
    (found && other_has_text).then_some([body, other])
}

/// The longest run of `line`'s last words that continues `rest` (the name's
/// words still to find): its length, and where its first word is glued to
/// the other cell's text after a digit ("04chính"), the cut of that word.
fn suffix_match<'a>(
    line: &[&'a str],
    keys: &[String],
    rest: &[String],
) -> Option<(usize, Option<(&'a str, &'a str)>)> {
    (1..=line.len().min(rest.len())).rev().find_map(|k| {
        let start = line.len() - k;
        if keys[start + 1..] != rest[1..k] {
            return None;
        }
        if keys[start] == rest[0] {
            return Some((k, None));
        }
        glued_number(line[start])
            .filter(|(_, tail)| match_key(tail) == rest[0])
            .map(|cut| (k, Some(cut)))
    })
}

/// Whether a text can be the other cell of a woven block: a unit phrase,
/// a document reference or a deadline.
pub(super) fn fits_beside(text: &str, gazetteer: &Gazetteer) -> bool {
    looks_like_unit(text, gazetteer) || looks_documentary(text) || is_clean_deadline(text)
}

/// What a document reference woven into a name cell expects next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Expect {
    /// The number ("11-", "04", "11KH/BCĐ" with its symbol glued).
    Number,
    /// The number's symbol ("KH/BCĐ").
    Symbol,
    /// "ngày" or the date.
    Date,
    /// Nothing: the reference is whole.
    Done,
}

/// One word of a woven reference read in state `expect`: the state after
/// it, or `None` when the word does not continue the reference.
fn reference_step(word: &str, expect: Expect) -> Option<Expect> {
    let symbol = |w: &str| {
        w.contains('/')
            && w.starts_with(|c: char| c.is_uppercase())
            && w.chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || "/-&".contains(c))
    };
    let date = |w: &str| {
        let parts: Vec<&str> = w.split('/').collect();
        parts.len() == 3
            && parts[2].len() == 4
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    };
    match expect {
        Expect::Number => {
            let digits = word.chars().take_while(char::is_ascii_digit).count();
            let rest = &word[digits..];
            let rest = rest.strip_prefix('-').unwrap_or(rest);
            if digits == 0 || digits > 4 {
                None
            } else if rest.is_empty() {
                Some(Expect::Symbol)
            } else {
                // "11-KH/BCĐ", or "11KH/BCĐ" (the hyphen dropped at a wrap).
                symbol(rest).then_some(Expect::Date)
            }
        }
        Expect::Symbol => symbol(word).then_some(Expect::Date),
        Expect::Date if word == "ngày" => Some(Expect::Date),
        Expect::Date => date(word).then_some(Expect::Done),
        Expect::Done => None,
    }
}

/// A number glued by poppler to the next line of the name where it dropped
/// a line-end hyphen ("04ứng" for "04-" beside "ứng dụng", "35Ứng"): the
/// number and the name's word.
fn glued_number(word: &str) -> Option<(&str, &str)> {
    let split = word.find(|c: char| !c.is_ascii_digit())?;
    let (number, tail) = word.split_at(split);
    // A word, not a symbol glued the same way ("11KH/BCĐ").
    let word = tail.starts_with(char::is_alphabetic)
        && tail.chars().any(char::is_lowercase)
        && !tail.contains('/');
    (!number.is_empty() && number.len() <= 4 && word).then_some((number, tail))
}

/// A name cell woven with the document cell to its right (Chromium prints):
///
/// ```text
/// Xây dựng triển khai các phần mềm,
/// Kế hoạch số 04ứng dụng dùng chung (Phần mềm nội
/// KH/CQTTBCD
/// bộ, phần mềm tài chính đảng, …; năm 20/10/2025
/// ```
///
/// The reference opens with a capitalized type word and "số" ([`opens_reference_at`]),
/// not after "(" (a reference cited in the name), and its number, symbol,
/// "ngày" and date follow in order, each line's part of it at the line's
/// end (the name is the left cell) or at its start before a number glued
/// to the name ("04ứng": the hyphen goes back). The two cells, when some
/// line holds both and the reference has its number and symbol.
pub(super) fn unweave_document(lines: &[&str]) -> Option<[Vec<String>; 2]> {
    let (first, at) = lines
        .iter()
        .enumerate()
        .find_map(|(i, l)| opens_reference_at(l).map(|w| (i, w)))?;
    let mut name: Vec<String> = lines[..first].iter().map(|l| l.to_string()).collect();
    let mut reference: Vec<String> = Vec::new();
    let mut shared = false;
    let mut expect = Expect::Number;
    for (i, line) in lines.iter().enumerate().skip(first) {
        let mut words: Vec<&str> = line.split_whitespace().collect();
        let mut left: Vec<String> = Vec::new();
        let mut part: Vec<String> = Vec::new();
        let mut opening = (i == first).then_some(at);
        // A glued number ends one part of the reference; the rest of the
        // line (the name's next words) may hold its next part again.
        loop {
            if expect == Expect::Done {
                left.extend(words.iter().map(|w| w.to_string()));
                break;
            }
            // This line's part of the reference: from `start`, read from
            // `from`, then maybe a number glued to the name's next word.
            let (start, from, read) = match opening.take() {
                Some(at) => {
                    let so = at + words[at..].iter().position(|w| *w == "số")?;
                    (at, so + 1, read_reference(&words[so + 1..], expect))
                }
                None => match (0..words.len()).find_map(|s| {
                    let read = read_reference(&words[s..], expect);
                    let reaches_end = s + read.0 == words.len() || read.2.is_some();
                    (read.0 > 0 && reaches_end).then_some((s, read))
                }) {
                    Some((s, read)) => (s, s, read),
                    None => (words.len(), words.len(), (0, expect, None)),
                },
            };
            let (used, after, glued) = read;
            let end = from + used;
            left.extend(words[..start].iter().map(|w| w.to_string()));
            part.extend(words[start..end].iter().map(|w| w.to_string()));
            expect = after;
            match glued {
                Some((number, tail)) => {
                    // poppler dropped the hyphen ending the reference's line.
                    part.push(format!("{number}-"));
                    expect = Expect::Symbol;
                    let mut rest = vec![tail];
                    rest.extend_from_slice(&words[end + 1..]);
                    words = rest;
                }
                // Name words after the reference's part: a reference cited
                // in running text, not a cell beside it.
                None if end < words.len() => return None,
                None => break,
            }
        }
        shared |= !left.is_empty() && !part.is_empty();
        if !left.is_empty() {
            name.push(left.join(" "));
        }
        if !part.is_empty() {
            reference.push(part.join(" "));
        }
    }
    let whole = expect >= Expect::Date;
    (shared && whole && !name.is_empty()).then_some([name, reference])
}

/// What [`read_reference`] read: words used, the state after them, and a
/// number glued to the name's next word right after them.
type Read<'a> = (usize, Expect, Option<(&'a str, &'a str)>);

/// Read reference words from the start of `words` in state `expect`.
fn read_reference<'a>(words: &[&'a str], mut expect: Expect) -> Read<'a> {
    let mut used = 0;
    for word in words {
        if expect == Expect::Number {
            if let Some(glue) = glued_number(word) {
                return (used, expect, Some(glue));
            }
        }
        match reference_step(word, expect) {
            Some(next) => {
                expect = next;
                used += 1;
            }
            None => break,
        }
    }
    (used, expect, None)
}

/// The word where a document reference opens in a line: a capitalized
/// type word followed by "số" ("… thông tin Kế hoạch số 11…"), not after
/// an opening parenthesis.
fn opens_reference_at(line: &str) -> Option<usize> {
    let words: Vec<&str> = line.split_whitespace().collect();
    (0..words.len()).find(|&w| {
        let rest = words[w..].join(" ");
        starts_with_reference(&rest)
            && words[w].starts_with(char::is_uppercase)
            && words[w..].iter().take(4).any(|x| *x == "số")
            && !(w > 0 && words[w - 1].ends_with('('))
    })
}

/// A row's pieces in block mode with every woven block ([`unweave`],
/// [`unweave_document`]) cut into its two cells, each a block of its own.
/// A name woven with a reference is cut only when the table has a
/// documents column and no other block of the row reads as a reference.
pub(super) fn split_woven(
    pieces: Vec<Piece>,
    names: &KnownNames,
    gazetteer: &Gazetteer,
    documents_column: bool,
) -> Vec<Piece> {
    let reference_block = pieces
        .iter()
        .any(|p| p.cell_start && (p.opens_reference || p.reference));
    let mut out = Vec::with_capacity(pieces.len());
    let mut start = 0;
    while start < pieces.len() {
        let end = (start + 1..pieces.len())
            .find(|&j| pieces[j].cell_start)
            .unwrap_or(pieces.len());
        let texts: Vec<&str> = pieces[start..end].iter().map(|p| p.text.as_str()).collect();
        let cut = unweave(&texts, names, |t| fits_beside(t, gazetteer)).or_else(|| {
            (documents_column && !reference_block)
                .then(|| unweave_document(&texts))
                .flatten()
        });
        match cut {
            Some(cells) => {
                for (side, cell) in cells.iter().enumerate() {
                    for (k, text) in cell.iter().enumerate() {
                        let mut piece = Piece::new(text, pieces[start].line, gazetteer);
                        piece.cell_start = k == 0;
                        piece.woven_right = side == 1 && k == 0;
                        out.push(piece);
                    }
                }
            }
            None => out.extend(pieces[start..end].iter().cloned()),
        }
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unweave_with(lines: &[&str]) -> Option<[Vec<String>; 2]> {
        let g = Gazetteer::builtin();
        unweave(lines, &KnownNames::of(&g), |t| fits_beside(t, &g))
    }

    #[test]
    fn a_lead_cell_woven_with_its_partners() {
        let cells = unweave_with(&[
            "Văn phòng Các cơ",
            "Trung",
            "quan, đơn",
            "ương Đảng vị liên",
            "quan",
        ])
        .expect("woven");
        assert_eq!(cells[0].join(" "), "Văn phòng Trung ương Đảng");
        assert_eq!(cells[1].join(" "), "Các cơ quan, đơn vị liên quan");
    }

    #[test]
    fn a_document_woven_with_its_lead_glued_at_the_hyphen() {
        let cells = unweave_with(&[
            "Kế hoạch",
            "Ban Nội",
            "số 04chính",
            "KH/CQTTBCD",
            "Trung",
            "20/10/2025 ương",
        ])
        .expect("woven");
        assert_eq!(cells[0], ["Kế hoạch", "số 04-", "KH/CQTTBCD", "20/10/2025"]);
        assert_eq!(cells[1].join(" "), "Ban Nội chính Trung ương");
    }

    #[test]
    fn a_name_woven_with_its_document() {
        let cells = unweave_document(&[
            "Xây dựng triển khai các phần mềm,",
            "Kế hoạch số 04ứng dụng dùng chung (Phần mềm nội",
            "KH/CQTTBCD",
            "bộ, phần mềm tài chính đảng, …; năm 20/10/2025",
            "2025 hoàn thành số hoá một số quy",
        ])
        .expect("woven");
        assert_eq!(
            cells[0].join(" "),
            "Xây dựng triển khai các phần mềm, ứng dụng dùng chung (Phần mềm nội bộ, phần \
             mềm tài chính đảng, …; năm 2025 hoàn thành số hoá một số quy"
        );
        assert_eq!(cells[1], ["Kế hoạch số 04-", "KH/CQTTBCD", "20/10/2025"]);
        let cells = unweave_document(&[
            "Triển khai vận hành hệ thống thông tin Kế hoạch số 11bảo vệ, chăm sóc sức khoẻ cán bộ",
            "KH/BCĐ ngày",
            "27/3/2025",
        ])
        .expect("woven");
        assert_eq!(
            cells[0],
            ["Triển khai vận hành hệ thống thông tin bảo vệ, chăm sóc sức khoẻ cán bộ"]
        );
        assert_eq!(cells[1], ["Kế hoạch số 11-", "KH/BCĐ ngày", "27/3/2025"]);
    }

    #[test]
    fn a_reference_cited_in_a_name_stays() {
        assert!(unweave_document(&[
            "Thực hiện nghiêm việc tiếp nhận (Quy chế số",
            "03-QC/BCĐTW, ngày 23/6/2025) theo phân công",
        ])
        .is_none());
        assert!(unweave_document(&[
            "Triển khai theo Kế hoạch số",
            "11-KH/BCĐ ngày 27/3/2025 của Ban Chỉ đạo",
        ])
        .is_none());
    }

    #[test]
    fn a_lead_listing_more_bodies_after_a_short_reference() {
        let cells = unweave_with(&[
            "Kế hoạch",
            "Học viện",
            "số 04Chính trị",
            "KH/CQTTBCD",
            "quốc gia",
            "20/10/2025 Hồ Chí",
            "Minh; Tạp",
            "chí Cộng",
            "sản",
        ])
        .expect("woven");
        assert_eq!(cells[0], ["Kế hoạch", "số 04-", "KH/CQTTBCD", "20/10/2025"]);
        assert_eq!(
            cells[1].join(" "),
            "Học viện Chính trị quốc gia Hồ Chí Minh; Tạp chí Cộng sản"
        );
    }

    #[test]
    fn one_cell_naming_a_body_stays_whole() {
        assert!(unweave_with(&["Văn phòng Trung", "ương Đảng"]).is_none());
        assert!(unweave_with(&[
            "Phối hợp với Văn phòng",
            "Trung ương Đảng thực hiện",
            "rà soát các quy trình",
        ])
        .is_none());
    }
}
