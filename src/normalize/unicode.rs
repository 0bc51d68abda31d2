//! Unicode hygiene for one line: invisible characters, look-alike spaces
//! and letters, combining-mark order and NFC, and dashes and slashes
//! inside document numbers and dates. Each step returns `None` when it
//! changes nothing, so clean lines cost no allocation.

use super::change::Log;
use super::legacy::has_tcvn3_evidence;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// What the character pass does with one character.
enum CharFix {
    Drop(&'static str),
    Replace(&'static str, &'static str),
}

/// The fix for a character, if it needs one. The soft hyphen is dropped
/// only when `drop_soft_hyphen` (the line is known to be Unicode).
fn char_fix(c: char, drop_soft_hyphen: bool) -> Option<CharFix> {
    Some(match c {
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' => {
            CharFix::Drop("zero-width character removed")
        }
        '\u{FEFF}' => CharFix::Drop("byte order mark removed"),
        '\u{00AD}' if drop_soft_hyphen => CharFix::Drop("soft hyphen removed"),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            CharFix::Replace(" ", "no-break or thin space → space")
        }
        'Ð' | 'Ɖ' => CharFix::Replace("Đ", "look-alike of Đ"),
        'ð' | 'ɖ' => CharFix::Replace("đ", "look-alike of đ"),
        'ﬀ' => CharFix::Replace("ff", "ligature expanded"),
        'ﬁ' => CharFix::Replace("fi", "ligature expanded"),
        'ﬂ' => CharFix::Replace("fl", "ligature expanded"),
        'ﬃ' => CharFix::Replace("ffi", "ligature expanded"),
        'ﬄ' => CharFix::Replace("ffl", "ligature expanded"),
        'ﬅ' | 'ﬆ' => CharFix::Replace("st", "ligature expanded"),
        _ => return None,
    })
}

/// Whether a line shows TCVN3 evidence among the characters that
/// normalization leaves as they are: judged on the line as this pass
/// cleans it (soft hyphens kept), leaving out a base followed by a
/// combining mark and the U+2212 / U+2219 quirks that number
/// normalization rewrites, so a second pass decides the same.
fn has_stable_tcvn3_evidence(line: &str) -> bool {
    let mut cleaned = String::with_capacity(line.len());
    for c in line.chars() {
        match char_fix(c, false) {
            None => cleaned.push(c),
            Some(CharFix::Replace(with, _)) => cleaned.push_str(with),
            Some(CharFix::Drop(_)) => {}
        }
    }
    let mut chars = cleaned.chars().peekable();
    let mut stable = String::with_capacity(cleaned.len());
    while let Some(c) = chars.next() {
        let composes = chars.peek().is_some_and(|&n| is_combining_mark(n));
        if !composes && !matches!(c, '\u{2212}' | '\u{2219}') {
            stable.push(c);
        }
    }
    has_tcvn3_evidence(&stable)
}

/// Drop invisible characters, map look-alike spaces to a space, Ð/ð to
/// Đ/đ and expand ligatures.
pub(crate) fn clean_chars(line: &str, log: &mut Log) -> Option<String> {
    let has_soft_hyphen = line.contains('\u{00AD}');
    let drop_soft_hyphen = has_soft_hyphen && !has_stable_tcvn3_evidence(line);
    let first = line.find(|c| char_fix(c, drop_soft_hyphen).is_some())?;
    let mut out = String::with_capacity(line.len());
    out.push_str(&line[..first]);
    let skipped = line[..first].chars().count();
    for (i, c) in line[first..].chars().enumerate() {
        match char_fix(c, drop_soft_hyphen) {
            None => out.push(c),
            Some(CharFix::Drop(reason)) => {
                log.rewrite(skipped + i, &format!("U+{:04X}", u32::from(c)), "", reason)
            }
            Some(CharFix::Replace(with, reason)) => {
                out.push_str(with);
                if log.enabled() {
                    let before = if c.is_whitespace() {
                        format!("U+{:04X}", u32::from(c))
                    } else {
                        c.to_string()
                    };
                    log.rewrite(skipped + i, &before, with, reason);
                }
            }
        }
    }
    Some(out)
}

/// Latin letter a Cyrillic or Greek look-alike stands for.
fn latin_lookalike(c: char) -> Option<char> {
    Some(match c {
        'а' => 'a',
        'е' => 'e',
        'о' | 'ο' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'һ' => 'h',
        'ԁ' => 'd',
        'А' | 'Α' => 'A',
        'В' | 'Β' => 'B',
        'Е' | 'Ε' => 'E',
        'К' | 'Κ' => 'K',
        'М' | 'Μ' => 'M',
        'Н' | 'Η' => 'H',
        'О' | 'Ο' => 'O',
        'Р' | 'Ρ' => 'P',
        'С' => 'C',
        'Т' | 'Τ' => 'T',
        'Х' | 'Χ' => 'X',
        'У' | 'Υ' => 'Y',
        'І' | 'Ι' => 'I',
        'Ј' => 'J',
        'Ѕ' => 'S',
        'Ζ' => 'Z',
        'Ν' => 'N',
        _ => return None,
    })
}

/// Whether a character is a Latin letter (ASCII or Vietnamese).
fn is_latin_letter(c: char) -> bool {
    c.is_alphabetic()
        && (c.is_ascii()
            || ('\u{00C0}'..='\u{024F}').contains(&c)
            || ('\u{1E00}'..='\u{1EFF}').contains(&c))
}

/// Replace Cyrillic and Greek look-alike letters inside words that also
/// hold Latin letters ("Сông" → "Công"); all-Cyrillic words stay.
pub(crate) fn fix_lookalike_letters(line: &str, log: &mut Log) -> Option<String> {
    if line.is_ascii() || !line.chars().any(|c| ('\u{0370}'..='\u{052F}').contains(&c)) {
        return None;
    }
    let mut out = String::with_capacity(line.len());
    let mut changed = false;
    let mut index = 0;
    for (n, word) in line.split(' ').enumerate() {
        if n > 0 {
            out.push(' ');
            index += 1;
        }
        let latin = word.chars().any(is_latin_letter);
        let mixed = latin && word.chars().any(|c| latin_lookalike(c).is_some());
        if mixed {
            // Marks already in order; a Latin base may now compose with them.
            let fixed: String = word
                .chars()
                .map(|c| latin_lookalike(c).unwrap_or(c))
                .nfc()
                .collect();
            log.rewrite(
                index,
                word,
                &fixed,
                "Cyrillic/Greek look-alike letters in a Latin word",
            );
            out.push_str(&fixed);
            changed = true;
        } else {
            out.push_str(word);
        }
        index += word.chars().count();
    }
    changed.then_some(out)
}

/// Whether a combining mark modifies the letter (hat, breve, horn) rather
/// than writing a tone; these must come first.
fn is_letter_modifier(c: char) -> bool {
    matches!(c, '\u{0302}' | '\u{0306}' | '\u{031B}')
}

/// Compose to NFC, first putting hat/breve/horn before the tone mark in
/// each run of combining marks (marks typed in the wrong order survive
/// plain NFC).
pub(crate) fn compose(line: &str, log: &mut Log) -> Option<String> {
    let has_marks = line.chars().any(is_combining_mark);
    if !has_marks && is_nfc_quick(line.chars()) == IsNormalized::Yes {
        return None;
    }
    let out: String = if has_marks {
        let mut chars: Vec<char> = line.nfd().collect();
        let mut i = 0;
        while i < chars.len() {
            let end = chars[i..]
                .iter()
                .position(|&c| !is_combining_mark(c))
                .map_or(chars.len(), |p| i + p);
            if end > i + 1 {
                chars[i..end].sort_by_key(|&c| !is_letter_modifier(c));
            }
            i = end.max(i + 1);
        }
        chars.into_iter().nfc().collect()
    } else {
        line.nfc().collect()
    };
    if out == line {
        return None;
    }
    if log.enabled() {
        log_composed_words(line, &out, log);
    }
    Some(out)
}

/// Record each word that composition changed.
fn log_composed_words(before: &str, after: &str, log: &mut Log) {
    let mut index = 0;
    for (b, a) in before.split(' ').zip(after.split(' ')) {
        if b != a {
            log.rewrite(index, b, a, "combining marks reordered and composed (NFC)");
        }
        index += b.chars().count() + 1;
    }
}

/// Dash-like characters normalized to `-` inside numbers and dates.
fn is_dash_like(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'
            | '\u{2011}'
            | '\u{2012}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2212}'
            | '\u{FE63}'
            | '\u{FF0D}'
    )
}

/// Slash-like characters normalized to `/` inside numbers and dates.
fn is_slash_like(c: char) -> bool {
    matches!(c, '\u{2044}' | '\u{2215}' | '\u{FF0F}')
}

/// Whether a token (already with ASCII `-` and `/`) is a document number
/// (`123/QĐ-UBND`, `17-KH/BCĐ`, `179/2025/NĐ-CP`) or a numeric date
/// (`31-3-2026`, `31/3/2026`).
fn is_number_or_date(token: &str) -> bool {
    let core = token.trim_end_matches(['.', ',', ';', ':', ')']);
    let core = core.trim_start_matches('(');
    if core.is_empty() || !core.starts_with(|c: char| c.is_alphanumeric()) {
        return false;
    }
    if !core
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '/' | '-' | '.'))
    {
        return false;
    }
    let digits = core.chars().any(|c| c.is_ascii_digit());
    let upper = core.chars().any(char::is_uppercase);
    let parts: Vec<&str> = core.split(['-', '/', '.']).collect();
    let is_date = parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()));
    is_date || (digits && upper && core.contains('/'))
}

/// Normalize dash- and slash-like characters inside document numbers and
/// dates only; prose dashes stay.
pub(crate) fn fix_number_separators(line: &str, log: &mut Log) -> Option<String> {
    if line.is_ascii() || !line.chars().any(|c| is_dash_like(c) || is_slash_like(c)) {
        return None;
    }
    let mut out = String::with_capacity(line.len());
    let mut changed = false;
    let mut index = 0;
    for (n, token) in line.split(' ').enumerate() {
        if n > 0 {
            out.push(' ');
            index += 1;
        }
        let has_sep = token.chars().any(|c| is_dash_like(c) || is_slash_like(c));
        let mapped: String = if has_sep {
            token
                .chars()
                .map(|c| match c {
                    c if is_dash_like(c) => '-',
                    c if is_slash_like(c) => '/',
                    c => c,
                })
                .collect()
        } else {
            String::new()
        };
        if has_sep && is_number_or_date(&mapped) {
            log.rewrite(
                index,
                token,
                &mapped,
                "dash/slash normalized in a number or date",
            );
            out.push_str(&mapped);
            changed = true;
        } else {
            out.push_str(token);
        }
        index += token.chars().count();
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(f: fn(&str, &mut Log) -> Option<String>, s: &str) -> String {
        f(s, &mut Log::off()).unwrap_or_else(|| s.to_string())
    }

    #[test]
    fn invisibles_spaces_and_lookalikes() {
        assert_eq!(run(clean_chars, "a\u{200B}b\u{FEFF}\u{00A0}c"), "ab c");
        assert_eq!(run(clean_chars, "ÐIỀU ðơn Ɖ"), "ĐIỀU đơn Đ");
        assert_eq!(run(clean_chars, "ﬁle"), "file");
        assert_eq!(run(clean_chars, "mã\u{00AD}hoá"), "mãhoá");
        // In an undecoded TCVN3 line the soft hyphen is the letter ư.
        assert_eq!(run(clean_chars, "®\u{00AD}îc"), "®\u{00AD}îc");
    }

    #[test]
    fn cyrillic_inside_latin_words() {
        assert_eq!(
            run(fix_lookalike_letters, "Сông văn Москва"),
            "Công văn Москва"
        );
        assert_eq!(fix_lookalike_letters("Công văn", &mut Log::off()), None);
    }

    #[test]
    fn marks_in_wrong_order_compose() {
        assert_eq!(run(compose, "e\u{0301}\u{0302}"), "ế");
        assert_eq!(run(compose, "o\u{0301}\u{031B}"), "ớ");
        assert_eq!(run(compose, "a\u{0300}\u{0306}"), "ằ");
        assert_eq!(run(compose, "Vie\u{0302}\u{0323}t"), "Việt");
        assert_eq!(compose("Việt", &mut Log::off()), None);
    }

    #[test]
    fn separators_only_in_numbers_and_dates() {
        assert_eq!(
            run(fix_number_separators, "Số 123/QĐ–UBND ngày 31–3–2026"),
            "Số 123/QĐ-UBND ngày 31-3-2026"
        );
        assert_eq!(
            run(fix_number_separators, "179∕2025∕NĐ‑CP."),
            "179/2025/NĐ-CP."
        );
        assert_eq!(
            run(fix_number_separators, "Độc lập – Tự do giai đoạn 2026–2030"),
            "Độc lập – Tự do giai đoạn 2026–2030"
        );
    }
}
