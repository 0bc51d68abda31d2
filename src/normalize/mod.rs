//! Vietnamese text normalization: legacy-encoding decoding, Unicode
//! hygiene, whitespace, line re-joining, kerning splits, tone-mark style,
//! and the match key every comparison uses.
//!
//! Output keeps the document's own spelling (tone style, case); only
//! [`match_key`] folds those differences away, for lookups, and
//! [`to_tone_style`] rewrites the style on request.
//!
//! Where callers come in: plain text goes through [`decode_legacy_text`]
//! before it is split into lines; a PDF text run through
//! [`decode_font_run`] with its font name; every line (PDF, DOCX, text)
//! then through [`normalize_line`]. [`normalize_text`] does all of it for
//! a whole text and lists the changes.

mod change;
mod kerning;
mod legacy;
mod lowbyte;
mod suspicious;
mod syllable;
mod tone;
mod unicode;

pub use change::{Change, ChangeKind};
pub use kerning::fix_kerning_splits;
pub use legacy::{byte_char, decode, decode_font_run, decode_legacy_text, font_encoding, Encoding};
pub use syllable::{is_valid_syllable, split_tone, with_tone, Tone};
pub use tone::{to_tone_style, ToneStyle};

use change::Log;
use std::borrow::Cow;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

/// Normalize one line of extracted text: drop invisible characters, map
/// look-alike spaces and letters (Ð → Đ, Cyrillic in Latin words), put
/// combining marks in order and compose to NFC, normalize dashes and
/// slashes inside document numbers and dates, fold runs of spaces, trim,
/// tidy spaces around punctuation and repair kerning splits
/// ("X ây dựng" → "Xây dựng"). The input must already be Unicode (see
/// [`decode_legacy_text`], [`decode_font_run`]).
pub fn normalize_line(line: &str) -> String {
    normalize_logged(line, &mut Log::off())
}

/// Most memoized normalizations kept per thread (the memo is emptied when full).
const MEMO_CAPACITY: usize = 65_536;

thread_local! {
    /// Lines already normalized: documents repeat many lines and cells
    /// (unit names, document numbers, dates, page headers).
    /// Hashed with foldhash: the keys are the document's own text, and
    /// SipHash's guard against chosen keys costs more than it saves here.
    static MEMO: std::cell::RefCell<foldhash::HashMap<String, String>> =
        std::cell::RefCell::new(foldhash::HashMap::default());
}

/// [`normalize_line`], memoized per thread.
pub fn normalize_line_memo(raw: String) -> String {
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        if let Some(done) = memo.get(&raw) {
            return done.clone();
        }
        let done = normalize_line(&raw);
        if memo.len() >= MEMO_CAPACITY {
            memo.clear();
        }
        memo.insert(raw, done.clone());
        done
    })
}

/// [`normalize_line`], recording each change (and warnings about
/// suspicious words) for 1-based `line_no` into `changes`.
pub fn normalize_line_explained(line: &str, line_no: usize, changes: &mut Vec<Change>) -> String {
    let mut log = Log::on(line_no, changes);
    let out = normalize_logged(line, &mut log);
    suspicious::flag_suspicious(&out, &mut log);
    out
}

/// The normalization steps, each skipped cheaply when it has nothing to do.
fn normalize_logged(line: &str, log: &mut Log) -> String {
    let mut text = Cow::Borrowed(line);
    if !line.is_ascii() {
        for step in [unicode::clean_chars, unicode::compose] {
            if let Some(t) = step(&text, log) {
                text = Cow::Owned(t);
            }
        }
    }
    // Word-level steps run on the folded, tidied line so that a second
    // pass sees the same words.
    let mut out = fold_spaces(&text);
    let steps: [fn(&str, &mut Log) -> Option<String>; 4] = [
        tidy_punctuation,
        unicode::fix_lookalike_letters,
        unicode::fix_number_separators,
        kerning::fix_splits,
    ];
    for step in steps {
        if let Some(t) = step(&out, log) {
            out = t;
        }
    }
    out
}

/// Normalize a whole text: decode legacy-encoded lines, normalize every
/// line (line breaks and form feeds are kept), optionally rewrite the
/// tone style, and list every change and warning in line order.
pub fn normalize_text(text: &str, tone_style: Option<ToneStyle>) -> (String, Vec<Change>) {
    let (decoded, mut changes) = decode_legacy_text(text);
    let mut out = String::with_capacity(decoded.len());
    for (i, raw) in decoded.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let feeds = raw.len() - raw.trim_start_matches('\u{0C}').len();
        out.push_str(&raw[..feeds]);
        let line = normalize_line_explained(&raw[feeds..], i + 1, &mut changes);
        match tone_style {
            Some(style) => {
                let mut log = Log::on(i + 1, &mut changes);
                let restyled = tone::restyle(&line, style, &mut log);
                out.push_str(restyled.as_deref().unwrap_or(&line));
            }
            None => out.push_str(&line),
        }
    }
    changes.sort_by_key(|c| (c.line, c.column));
    (out, changes)
}

/// Letters without diacritics, lowercase, `đ` → `d`, punctuation dropped:
/// what is left of a word whatever marks OCR read on it ("QUYÉT ĐỊNH" and
/// "QUYẾT ĐỊNH" are both "quyet dinh").
pub fn skeleton(text: &str) -> String {
    text.nfd()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// Collapse runs of whitespace into one space and trim both ends.
pub fn fold_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Remove spaces before `, ; : . ) ]` and after `( [`, keeping `...`
/// intact; `None` when there is nothing to remove. Works on bytes: only
/// ASCII spaces are dropped, so the result stays UTF-8.
fn tidy_punctuation(text: &str, log: &mut Log) -> Option<String> {
    let bytes = text.as_bytes();
    let drop_at = |i: usize| -> bool {
        if bytes[i] != b' ' {
            return false;
        }
        let next = bytes.get(i + 1).copied();
        let before_closing = matches!(next, Some(b',' | b';' | b')' | b']'))
            || (matches!(next, Some(b'.' | b':')) && bytes.get(i + 2).is_none_or(|&b| b == b' '));
        let after_opening = i > 0 && matches!(bytes[i - 1], b'(' | b'[');
        before_closing || after_opening
    };
    if !(0..bytes.len()).any(drop_at) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut kept_from = 0;
    for i in (0..bytes.len()).filter(|&i| drop_at(i)) {
        out.push_str(&text[kept_from..i]);
        kept_from = i + 1;
        if log.enabled() {
            let col = text[..i].chars().count();
            let prev = text[..i].chars().next_back();
            let next = text[i + 1..].chars().next();
            let fixed: String = prev.into_iter().chain(next).collect();
            let around: String = prev.into_iter().chain([' ']).chain(next).collect();
            log.rewrite(col, &around, &fixed, "space next to punctuation removed");
        }
    }
    out.push_str(&text[kept_from..]);
    Some(out)
}

/// Join the lines of one wrapped cell or paragraph into one line,
/// normalized as [`normalize_line`] normalizes one line.
///
/// Lines are joined with a space, except where a line ends inside a token
/// such as a document number (`04-` + `KH/BCĐ`, `11-KH/` + `BCĐ`), which
/// is glued back without one.
///
/// Each line is normalized on its own (memoized: cells repeat), then the
/// words around each seam again: the steps of [`normalize_line`] look at
/// a word and its neighbours only, so what a seam changes ("nhi" +
/// "ệm vụ") lies within [`SEAM_WORDS`] words of it, and a long cell is
/// not normalized twice whole.
pub fn join_lines<S: AsRef<str>>(lines: &[S]) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.as_ref().trim();
        if line.is_empty() {
            continue;
        }
        let line = normalize_line_memo(line.to_string());
        if out.is_empty() {
            out = line;
            continue;
        }
        let glue = ends_inside_token(&out)
            || (line.starts_with('/') && out.ends_with(char::is_alphanumeric))
            || (out.ends_with(char::is_alphabetic) && starts_with_broken_final(&line));
        if !glue && !seam_may_change(&out, &line) {
            out.push(' ');
            out.push_str(&line);
            continue;
        }
        let seam = out.len();
        if !glue {
            out.push(' ');
        }
        out.push_str(&line);
        let window = seam_window(&out, seam);
        let fixed = normalize_line(&out[window.clone()]);
        if fixed != out[window.clone()] {
            out.replace_range(window, &fixed);
        }
    }
    out
}

/// Whether normalizing could change the space joining two normalized
/// lines `before` and `after`: the steps of [`normalize_line`] that look
/// across a space are the punctuation tidy (a space after `(`/`[` or
/// before closing punctuation), composition (a line opening with a
/// combining mark) and the kerning repair (a short word before the space
/// that may be the head of a split word); every other step reads one word
/// at a time.
fn seam_may_change(before: &str, after: &str) -> bool {
    let last = before.rsplit(' ').next().unwrap_or("");
    let first = after.split(' ').next().unwrap_or("");
    before.ends_with(['(', '['])
        || after.starts_with([',', ';', ')', ']', '.', ':'])
        || after
            .chars()
            .next()
            .is_some_and(|c| canonical_combining_class(c) != 0)
        || kerning::may_merge(last, first)
}

/// Words each side of a seam that [`join_lines`] normalizes again.
const SEAM_WORDS: usize = 3;

/// The byte range of the [`SEAM_WORDS`] words either side of byte `seam`
/// of `text` (a word cut by the seam counts on both sides).
fn seam_window(text: &str, seam: usize) -> std::ops::Range<usize> {
    let start = text[..seam]
        .match_indices(' ')
        .map(|(i, _)| i + 1)
        .rev()
        .nth(SEAM_WORDS - 1)
        .unwrap_or(0);
    let end = text[seam..]
        .match_indices(' ')
        .map(|(i, _)| seam + i)
        .filter(|&i| i > seam)
        .nth(SEAM_WORDS - 1)
        .unwrap_or(text.len());
    start..end
}

/// The consonants that end a Vietnamese syllable.
const FINAL_CONSONANTS: [&str; 8] = ["c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// True when a line opens with a syllable's final consonants alone
/// ("n" under "tháng/lầ"): no Vietnamese word has no vowel, so a
/// renderer broke the word above inside a narrow cell.
fn starts_with_broken_final(line: &str) -> bool {
    let first = line
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '.' | ')'))
        .next()
        .unwrap_or("");
    FINAL_CONSONANTS.contains(&first)
}

/// True when text ends with a `-` or `/` attached to the token before it
/// (`04-`, `KH/`), i.e. the line break fell inside a document number.
fn ends_inside_token(text: &str) -> bool {
    let mut rev = text.chars().rev();
    match (rev.next(), rev.next()) {
        (Some('-' | '/'), Some(prev)) => prev.is_alphanumeric(),
        _ => false,
    }
}

/// The Vietnamese tone marks as combining characters.
const TONE_MARKS: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];

/// A key for comparing Vietnamese text regardless of case, tone-mark
/// placement style (`hoà`/`hòa`, `uỷ`/`ủy`), spacing and punctuation.
///
/// Each word is lowercased, its tone mark is moved to the end of the word
/// (as a digit), `đ` stays distinct from `d`, and punctuation is dropped.
pub fn match_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || is_key_separator(c)) {
        if word.is_empty() {
            continue;
        }
        let mut tone = None;
        let mut base = String::with_capacity(word.len());
        for c in word.nfd() {
            if let Some(i) = TONE_MARKS.iter().position(|&t| t == c) {
                tone = Some(i);
            } else if canonical_combining_class(c) != 0 || c.is_alphanumeric() {
                base.extend(c.to_lowercase());
            }
        }
        if base.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(base.nfc());
        if let Some(t) = tone {
            out.push(char::from(b'1' + t as u8));
        }
    }
    out
}

/// Punctuation that separates words in a match key.
fn is_key_separator(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '.' | '(' | ')' | '[' | ']' | '"' | '\'' | '“' | '”' | '-' | '–' | '—'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_line_cleans_spacing_and_invisibles() {
        assert_eq!(
            normalize_line("  a\u{00A0}\u{00A0}b , c\u{200B} ( d )"),
            "a b, c (d)"
        );
        assert_eq!(normalize_line("bảo mật..."), "bảo mật...");
    }

    #[test]
    fn explained_line_reports_changes_with_columns() {
        let mut changes = Vec::new();
        let out = normalize_line_explained("báo gồm có : X ây", 3, &mut changes);
        assert_eq!(out, "báo gồm có: Xây");
        let found: Vec<(usize, usize, &str)> = changes
            .iter()
            .map(|c| (c.line, c.column, c.after.as_str()))
            .collect();
        assert_eq!(found, vec![(3, 11, "ó:"), (3, 13, "Xây")]);
    }

    #[test]
    fn normalize_text_keeps_lines_and_page_breaks() {
        let (out, changes) =
            normalize_text("Céng hoµ x· héi\n\u{0C}hòa  bình\n", Some(ToneStyle::New));
        assert_eq!(out, "Cộng hoà xã hội\n\u{0C}hoà bình\n");
        assert_eq!(changes.len(), 2);
    }

    #[test]
    fn normalize_line_composes_decomposed_text() {
        let decomposed = "Vie\u{0302}\u{0323}t Nam";
        assert_eq!(normalize_line(decomposed), "Việt Nam");
        // Marks typed in the wrong order (tone before the hat) still compose.
        assert_eq!(normalize_line("Vie\u{0323}\u{0302}t"), "Việt");
    }

    #[test]
    fn join_lines_normalizes_across_each_seam() {
        // Each line is normalized on its own; what a seam joins is
        // normalized again: a kerning split, brackets, punctuation.
        assert_eq!(join_lines(&["các nhi", "ệm vụ của"]), "các nhiệm vụ của");
        assert_eq!(join_lines(&["Văn phòng (", "VPTW )"]), "Văn phòng (VPTW)");
        assert_eq!(
            join_lines(&["Sở Nội vụ", ", Sở Tài chính"]),
            "Sở Nội vụ, Sở Tài chính"
        );
        assert_eq!(join_lines(&["X ây dựng", "kế hoạch"]), "Xây dựng kế hoạch");
        // Three words either side of the space at byte 9.
        assert_eq!(seam_window("a b c d e f g h i", 9), 4..15);
    }

    #[test]
    fn join_lines_glues_a_final_consonant_broken_off_its_word() {
        assert_eq!(
            join_lines(&["Theo định kỳ 3 tháng/lầ", "n"]),
            "Theo định kỳ 3 tháng/lần"
        );
        assert_eq!(
            join_lines(&["bảo đảm a", "ninh mạng"]),
            "bảo đảm a ninh mạng"
        );
        assert_eq!(join_lines(&["dài 100", "m"]), "dài 100 m");
    }

    #[test]
    fn join_lines_glues_document_numbers() {
        assert_eq!(
            join_lines(&["Kế hoạch số", "04-", "KH/BCĐ"]),
            "Kế hoạch số 04-KH/BCĐ"
        );
        assert_eq!(join_lines(&["tổ chức -", "xây dựng"]), "tổ chức - xây dựng");
        assert_eq!(
            join_lines(&["Văn phòng", "Trung", "ương Đảng"]),
            "Văn phòng Trung ương Đảng"
        );
    }

    #[test]
    fn match_key_ignores_tone_style_and_case() {
        assert_eq!(match_key("Ủy ban"), match_key("uỷ ban"));
        assert_eq!(match_key("Hoà bình"), match_key("hòa BÌNH"));
        assert_ne!(match_key("Đảng"), match_key("dang"));
        assert_eq!(match_key("Đơn vị  chủ trì:"), match_key("đơn vị chủ trì"));
    }
}
