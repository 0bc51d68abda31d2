//! Vietnamese text normalization: Unicode hygiene, whitespace, line
//! re-joining, kerning splits, and the match key every comparison uses.
//!
//! Output keeps the document's own spelling (tone style, case); only
//! [`match_key`] folds those differences away, for lookups.

mod change;
mod kerning;
mod legacy;
mod syllable;

pub use change::{Change, ChangeKind};
pub use kerning::fix_kerning_splits;
pub use legacy::{decode, decode_font_run, decode_legacy_text, font_encoding, Encoding};
pub use syllable::{is_valid_syllable, split_tone, with_tone, Tone};

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

/// Normalize one line of extracted text: drop invisible characters, map
/// look-alike spaces to a space, compose to NFC with combining marks in
/// canonical order, fold runs of spaces, trim, tidy spaces around
/// punctuation and repair kerning splits ("X ây dựng" → "Xây dựng").
pub fn normalize_line(line: &str) -> String {
    let cleaned: String = line
        .chars()
        .filter_map(|c| match c {
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => None,
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => {
                Some(' ')
            }
            _ => Some(c),
        })
        .collect();
    let composed: String = cleaned.nfd().collect::<String>().nfc().collect();
    let folded = fold_spaces(&composed);
    let tidy = tidy_punctuation(&folded);
    fix_kerning_splits(&tidy)
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

/// Remove spaces before `, ; : . ) ]` and after `( [`, keeping `...` intact.
fn tidy_punctuation(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let next = chars.get(i + 1).copied();
            let prev = out.chars().last();
            let before_closing = matches!(next, Some(',' | ';' | ')' | ']'))
                || (matches!(next, Some('.' | ':'))
                    && chars.get(i + 2).is_none_or(|c| c.is_whitespace()));
            let after_opening = matches!(prev, Some('(' | '['));
            if before_closing || after_opening {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Join the lines of one wrapped cell or paragraph into one line.
///
/// Lines are joined with a space, except where a line ends inside a token
/// such as a document number (`04-` + `KH/BCĐ`, `11-KH/` + `BCĐ`), which
/// is glued back without one.
pub fn join_lines<S: AsRef<str>>(lines: &[S]) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.as_ref().trim();
        if line.is_empty() {
            continue;
        }
        if out.is_empty() {
            out.push_str(line);
            continue;
        }
        let glue = ends_inside_token(&out);
        if !glue {
            out.push(' ');
        }
        out.push_str(line);
    }
    normalize_line(&out)
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
    fn normalize_line_composes_decomposed_text() {
        let decomposed = "Vie\u{0302}\u{0323}t Nam";
        assert_eq!(normalize_line(decomposed), "Việt Nam");
        // Marks typed in the wrong order (tone before the hat) still compose.
        assert_eq!(normalize_line("Vie\u{0323}\u{0302}t"), "Việt");
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
